// A statement as a Word document (DOCX, through the `docx` library): title, period, every section's
// paragraphs with each figure in bold and linked to its source in the app (absolute, from the
// request's origin), and the board's approval once recorded. Figures are the frozen ones once approved.
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { StatementDocument } from "./statement-pages.server";

function approvalLines(d: StatementDocument): Paragraph[] {
  if (!d.approval) return [new Paragraph({ children: [new TextRun({ text: "Draft: not yet approved.", italics: true })] })];
  const a = d.approval;
  return [
    new Paragraph({ text: "Approval", heading: HeadingLevel.HEADING_2 }),
    new Paragraph(`Approved by the ${a.approvingBody} on ${a.approvedOn}.`),
    new Paragraph(`Signed: ${a.approverName}, ${a.approverTitle}.`),
  ];
}

export async function statementDocx(d: StatementDocument, origin: string): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: `${d.orgName}: ${d.title} ${d.year}`, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `${d.law}. Reporting period ${d.period.from} to ${d.period.to}.`, italics: true })] }),
  ];
  let group: string | null = null;
  for (const s of d.sections) {
    if (s.group && s.group !== group) children.push(new Paragraph({ text: s.group, heading: HeadingLevel.HEADING_1 }));
    group = s.group;
    children.push(new Paragraph({ text: s.heading, heading: s.group ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs) {
      children.push(
        new Paragraph({
          children: p.map((seg) =>
            seg.kind === "figure" && seg.href
              ? new ExternalHyperlink({ link: `${origin}${seg.href}`, children: [new TextRun({ text: seg.text, bold: true })] })
              : new TextRun(seg.text),
          ),
        }),
      );
    }
  }
  children.push(...approvalLines(d));
  const doc = new Document({
    creator: "Lantern",
    title: `${d.title} ${d.year}`,
    description: d.frozen ? "Figures frozen at the board's approval" : "Draft: figures computed when downloaded",
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
