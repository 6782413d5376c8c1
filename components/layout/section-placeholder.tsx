import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "./empty-state";
import { sectionIcons, type SectionKey } from "./nav-icons";

/** A section whose screens arrive in later work: says what will be there. */
export async function SectionPlaceholder({ section }: { section: SectionKey }) {
  const t = await getTranslations(`sections.${section}`);
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState icon={sectionIcons[section]} title={t("title")} body={t("empty")} />
    </>
  );
}
