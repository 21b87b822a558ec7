// The app's icons (lucide), each imported from its own module so a page ships only the icons it
// draws. They are decorative: the text next to them (or an aria-label) carries the meaning.
export { default as IconActions } from "lucide-react/icons/list-checks";
export { default as IconAssessments } from "lucide-react/icons/clipboard-check";
export { default as IconAudit } from "lucide-react/icons/scroll-text";
export { default as IconBrand } from "lucide-react/icons/flame";
export { default as IconClose } from "lucide-react/icons/x";
export { default as IconLogOut } from "lucide-react/icons/log-out";
export { default as IconMenu } from "lucide-react/icons/menu";
export { default as IconMethodology } from "lucide-react/icons/book-open";
export { default as IconNext } from "lucide-react/icons/chevron-right";
export { default as IconOutbox } from "lucide-react/icons/mail";
export { default as IconProducts } from "lucide-react/icons/package";
export { default as IconOverview } from "lucide-react/icons/layout-dashboard";
export { default as IconOrgs } from "lucide-react/icons/building-2";
export { default as IconPrevious } from "lucide-react/icons/chevron-left";
export { default as IconReport } from "lucide-react/icons/file-chart-column";
export { default as IconSettings } from "lucide-react/icons/sliders-horizontal";
export { default as IconSuppliers } from "lucide-react/icons/factory";
export { default as IconTeam } from "lucide-react/icons/users";
export { default as IconUser } from "lucide-react/icons/circle-user";
export { default as IconVoice } from "lucide-react/icons/megaphone";
export { default as IconCheck } from "lucide-react/icons/circle-check";
export { default as IconAlert } from "lucide-react/icons/circle-alert";
export { default as IconInfo } from "lucide-react/icons/info";
// Statuses of assessments and corrective actions (assessment-display.tsx, action-display.tsx).
export { default as IconDraft } from "lucide-react/icons/file-pen-line";
export { default as IconSent } from "lucide-react/icons/send";
export { default as IconWorking } from "lucide-react/icons/hourglass";
export { default as IconSubmitted } from "lucide-react/icons/inbox";
export { default as IconChangesRequested } from "lucide-react/icons/undo-2";
export { default as IconVerified } from "lucide-react/icons/badge-check";
export { default as IconOpen } from "lucide-react/icons/circle-dashed";
export { default as IconDone } from "lucide-react/icons/circle-check-big";
export { default as IconOverdue } from "lucide-react/icons/clock-alert";
