import type { LabelTemplate, LabelView } from "@/server/printing/label-data";
import { Label } from "./label";
import { geometry, labelCss } from "./label-styles";

/**
 * `@page` at the label's size with no margin, so the browser adds no margins, headers or footers
 * and one label fills one page of the label roll. Passed to react-to-print as its pageStyle and
 * embedded in the bare print-sheet route.
 */
export function labelPageCss(template: LabelTemplate): string {
  const g = geometry[template];
  return `@page{size:${g.widthMm}mm ${g.heightMm}mm;margin:0}
@media print{html,body{margin:0!important;padding:0!important;background:#fff!important}}`;
}

const sheetCss = `
.wl-sheet{margin:0;padding:0}
.wl-page{break-inside:avoid;break-after:page;page-break-after:always;overflow:hidden}
.wl-page:last-child{break-after:auto;page-break-after:auto}
`;

/** The label stylesheet; render once wherever labels render outside the print sheet. */
export function LabelStyles() {
  return <style>{labelCss}</style>;
}

/**
 * One label per page, all at one template (a print job has one paper size). The stylesheet is
 * inside the sheet so that react-to-print's copy and a bare HTML page both carry it.
 */
export function PrintSheet({
  labels,
  template,
  withPageRule = true,
}: {
  labels: LabelView[];
  template: LabelTemplate;
  /** The preview sets false: an @page rule in the console's own document would be harmless but stray. */
  withPageRule?: boolean;
}) {
  const g = geometry[template];
  return (
    <div className="wl-sheet" data-template={template} data-count={labels.length}>
      <style>{`${labelCss}${sheetCss}${withPageRule ? labelPageCss(template) : ""}`}</style>
      {labels.map((view) => (
        <div
          key={view.parcelId}
          className="wl-page"
          style={{ width: `${g.widthMm}mm`, height: `${g.heightMm}mm` }}
        >
          <Label view={{ ...view, template }} />
        </div>
      ))}
    </div>
  );
}
