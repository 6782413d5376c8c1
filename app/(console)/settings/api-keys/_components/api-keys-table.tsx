"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Ban, KeyRound, Plus } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { ApiConnectInfo } from "./api-connect-info";
import { CreateKeyDialog } from "./create-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { SecretDialog } from "./secret-dialog";
import type { ApiKey, CreatedApiKey } from "./types";

/** Shop badges shown in a row before the rest collapse into "+N" (all names are in the tooltip). */
const SHOWN_SHOPS = 2;

export function ApiKeysTable() {
  const t = useTranslations("apiKeys");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const { data: shops } = useSuspenseQuery(trpc.shops.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  // Active keys first; within each group the server's newest-first order.
  const rows = [...keys].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt));
  const exampleShop = shops.find((s) => s.active)?.id ?? shops[0]?.id ?? "demo-shop";

  const refresh = () => {
    void queryClient.invalidateQueries(trpc.apiKeys.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
  };
  const absolute = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-4">
        <p className="max-w-3xl text-sm text-slate-600">{t("hint")}</p>
        <Button onClick={() => setCreating(true)}>
          <Plus aria-hidden />
          {t("newKey")}
        </Button>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={KeyRound} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("prefix")}</Th>
              <Th>{t("shops")}</Th>
              <Th>{t("createdAt")}</Th>
              <Th>{t("lastUsed")}</Th>
              <Th>{t("status")}</Th>
              <Th className="text-right">
                <span className="sr-only">{t("revoke")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => {
              const revoked = !!k.revokedAt;
              const muted = revoked ? "text-slate-400" : undefined;
              const shopLabel = (s: ApiKey["shops"][number]) => s.name ?? t("deletedShop");
              return (
                <tr
                  key={k.id}
                  data-testid={`api-key-row-${k.id}`}
                  className={cn(revoked && "bg-slate-50/60")}
                >
                  <Td className={cn("font-medium", muted)}>
                    <span className="block max-w-64 truncate whitespace-nowrap" title={k.name}>
                      {k.name}
                    </span>
                  </Td>
                  <Td className={cn("font-mono text-xs whitespace-nowrap", muted)}>{k.prefix}…</Td>
                  <Td className={muted}>
                    <div
                      className="flex gap-1 whitespace-nowrap"
                      title={k.shops.map((s) => `${shopLabel(s)} (${s.id})`).join("\n")}
                    >
                      {k.shops.slice(0, SHOWN_SHOPS).map((s) => (
                        <Badge
                          key={s.id}
                          tone={revoked ? "neutral" : "blue"}
                          className={cn(
                            revoked && "text-slate-400",
                            s.name === null && "line-through",
                          )}
                        >
                          {s.name ?? s.id}
                        </Badge>
                      ))}
                      {k.shops.length > SHOWN_SHOPS ? (
                        <Badge tone="neutral">
                          {t("moreShops", { count: k.shops.length - SHOWN_SHOPS })}
                        </Badge>
                      ) : null}
                    </div>
                  </Td>
                  <Td className={cn("text-xs whitespace-nowrap text-slate-600", muted)}>
                    <div>
                      {format.dateTime(k.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </div>
                    <div className="text-slate-500">
                      {k.createdByName
                        ? t("createdBy", { name: k.createdByName })
                        : t("createdBySystem")}
                    </div>
                  </Td>
                  <Td className={cn("text-xs whitespace-nowrap text-slate-700", muted)}>
                    {k.lastUsedAt ? (
                      <time
                        dateTime={k.lastUsedAt.toISOString()}
                        title={absolute(k.lastUsedAt)}
                        suppressHydrationWarning
                        className="cursor-default underline decoration-slate-300 decoration-dotted underline-offset-2"
                      >
                        {format.relativeTime(k.lastUsedAt, now)}
                      </time>
                    ) : (
                      <span className="text-slate-400">{t("neverUsed")}</span>
                    )}
                  </Td>
                  <Td className="text-xs whitespace-nowrap">
                    {k.revokedAt ? (
                      <div className="flex items-center gap-2">
                        <Badge tone="neutral">{t("revoked")}</Badge>
                        <span className="text-slate-500">
                          {t("revokedAt", {
                            time: format.dateTime(k.revokedAt, {
                              dateStyle: "medium",
                              timeStyle: "short",
                            }),
                          })}
                        </span>
                      </div>
                    ) : (
                      <Badge tone="green">{t("active")}</Badge>
                    )}
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    {revoked ? null : (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700 hover:bg-red-50"
                        aria-label={`${t("revoke")}: ${k.name}`}
                        onClick={() => setRevoking(k)}
                      >
                        <Ban aria-hidden />
                        {t("revoke")}
                      </Button>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <ApiConnectInfo exampleShop={exampleShop} />
      <CreateKeyDialog
        open={creating}
        onOpenChange={setCreating}
        shops={shops}
        onCreated={(result) => {
          setCreated(result);
          toast.success(t("created", { name: result.apiKey.name }));
          refresh();
        }}
      />
      <SecretDialog created={created} onClose={() => setCreated(null)} />
      <RevokeKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(k) => {
          toast.success(t("revokedToast", { name: k.name }));
          refresh();
        }}
      />
    </>
  );
}
