"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { MapPinned, Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { describeError, fieldErrorsOf } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { RegionCodesEditor } from "./region-codes-editor";
import type { FreightOutputs } from "./units";
import { WideDialog } from "@/components/ui/wide-dialog";

type RegionSetItem = FreightOutputs["regionSets"][number];

/** Region sets (江浙沪, 偏远地区…): defined once, used by any template's zones and surcharges. */
export function RegionSetsPanel({ canManage }: { canManage: boolean }) {
  const t = useTranslations();
  const tr = useTranslations("freight.regionSets");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: sets } = useSuspenseQuery(trpc.freight.regionSets.queryOptions());
  const [editing, setEditing] = useState<RegionSetItem | "new" | null>(null);
  const remove = useMutation(
    trpc.freight.deleteRegionSet.mutationOptions({
      onSuccess: () => {
        toast.success(tr("deleted"));
        void queryClient.invalidateQueries(trpc.freight.pathFilter());
      },
      onError: (error) => toast.error(describeError(t, error)),
    }),
  );

  return (
    <section className="flex flex-col gap-3" aria-labelledby="region-sets-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="region-sets-heading" className="text-sm font-semibold text-slate-900">
            {tr("heading")}
          </h2>
          <p className="text-xs text-slate-600">{tr("hint")}</p>
        </div>
        {canManage ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing("new")}>
            <Plus aria-hidden />
            {tr("new")}
          </Button>
        ) : null}
      </div>
      <Table>
        <thead>
          <tr>
            <Th className="w-40">{tr("name")}</Th>
            <Th>{tr("regions")}</Th>
            <Th>{tr("usedBy")}</Th>
            <Th className="text-right">{t("common.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {sets.length === 0 ? (
            <tr>
              <Td colSpan={4} className="py-6 text-center text-sm text-slate-500">
                <MapPinned className="mx-auto mb-1 size-5 text-slate-400" aria-hidden />
                {tr("empty")}
              </Td>
            </tr>
          ) : null}
          {sets.map((s) => (
            <tr key={s.id} data-testid={`region-set-${s.id}`}>
              <Td className="font-medium">{s.name}</Td>
              <Td className="text-xs text-slate-700">
                <span className="line-clamp-2" title={s.regions.map((r) => r.label).join("、")}>
                  {s.regions.map((r) => r.label).join("、")}
                </span>
              </Td>
              <Td className="text-xs text-slate-600">
                {s.usedBy.length ? tr("usedByCount", { count: s.usedBy.length }) : "—"}
              </Td>
              <Td className="text-right whitespace-nowrap">
                {canManage ? (
                  <>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={tr("edit", { name: s.name })}
                      onClick={() => setEditing(s)}
                    >
                      <Pencil aria-hidden />
                      {t("common.edit")}
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700"
                      disabled={s.usedBy.length > 0 || remove.isPending}
                      title={
                        s.usedBy.length
                          ? tr("inUse", { names: s.usedBy.map((u) => u.name).join("、") })
                          : undefined
                      }
                      aria-label={tr("delete", { name: s.name })}
                      onClick={() => {
                        if (window.confirm(tr("confirmDelete", { name: s.name })))
                          remove.mutate({ id: s.id });
                      }}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {editing ? (
        <RegionSetDialog
          set={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

function RegionSetDialog({ set, onClose }: { set: RegionSetItem | null; onClose: () => void }) {
  const t = useTranslations();
  const tr = useTranslations("freight.regionSets");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(set?.name ?? "");
  const [codes, setCodes] = useState<string[]>(set?.codes ?? []);
  const [labels, setLabels] = useState<Record<string, string>>(
    Object.fromEntries(set?.regions.map((r) => [r.code, r.label]) ?? []),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation(trpc.freight.saveRegionSet.mutationOptions());

  async function onSave() {
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = "freight.errors.required";
    if (codes.length === 0) local.codes = "freight.errors.noRegions";
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await save.mutateAsync({ ...(set ? { id: set.id } : {}), name: name.trim(), codes });
      toast.success(tr("saved", { name: name.trim() }));
      await queryClient.invalidateQueries(trpc.freight.pathFilter());
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast.error(describeError(t, error));
    }
  }

  const codesError = Object.entries(errors).find(([k]) => k === "codes" || k.startsWith("codes."));
  return (
    <WideDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={set ? tr("editTitle", { name: set.name }) : tr("newTitle")}
      description={set?.usedBy.length ? tr("editWarning", { count: set.usedBy.length }) : undefined}
      closeLabel={t("common.close")}
    >
      <form
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <div className="flex max-w-xs flex-col gap-1">
          <Label htmlFor="rs-name">{tr("name")}</Label>
          <Input
            id="rs-name"
            autoFocus
            maxLength={60}
            value={name}
            aria-invalid={!!errors.name || undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError>{errors.name ? t(errors.name) : undefined}</FieldError>
        </div>
        <RegionCodesEditor
          idPrefix="rs"
          codes={codes}
          labels={labels}
          invalid={!!codesError}
          onChange={(next, added) => {
            setCodes(next);
            setLabels((l) => ({ ...l, ...added }));
          }}
        />
        <FieldError>{codesError ? t(codesError[1]) : undefined}</FieldError>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </WideDialog>
  );
}
