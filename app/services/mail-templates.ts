// Plain-text mail bodies. Links are absolute (APP_URL) because they are opened from a mail client.

export function signupConfirmMail(p: { name: string; link: string }) {
  return {
    subject: "Confirm your Lantern account",
    text: [
      `Hello ${p.name},`,
      ``,
      `Confirm your email address to finish creating your Lantern account:`,
      ``,
      `${p.link}`,
      ``,
      `This link is valid for 24 hours and can be used once. If you did not sign up, ignore this mail.`,
      ``,
    ].join("\n"),
  };
}

export function signupExistingAccountMail(p: { link: string }) {
  return {
    subject: "You already have a Lantern account",
    text: [
      `Someone (hopefully you) tried to sign up for Lantern with this address, which already has an account.`,
      ``,
      `Log in: ${p.link}`,
      `Forgot your password? Use "Forgot password" on the login page.`,
      ``,
      `If this was not you, you can ignore this mail.`,
      ``,
    ].join("\n"),
  };
}

export function passwordResetMail(p: { link: string }) {
  return {
    subject: "Reset your Lantern password",
    text: [
      `A password reset was requested for your Lantern account.`,
      ``,
      `Choose a new password here (valid for 30 minutes, usable once):`,
      ``,
      `${p.link}`,
      ``,
      `If you did not ask for this, ignore this mail: your password stays as it is.`,
      ``,
    ].join("\n"),
  };
}

export function teamInviteMail(p: { orgName: string; inviter: string; role: string; link: string }) {
  return {
    subject: `${p.inviter} invited you to ${p.orgName} on Lantern`,
    text: [
      `${p.inviter} invited you to join ${p.orgName} on Lantern as ${p.role}.`,
      ``,
      `Accept the invitation:`,
      ``,
      `${p.link}`,
      ``,
      `The link is valid for 7 days.`,
      ``,
    ].join("\n"),
  };
}

export function teamJoinConfirmMail(p: { name: string; orgName: string; link: string }) {
  return {
    subject: `Confirm your address to join ${p.orgName} on Lantern`,
    text: [
      `Hello ${p.name},`,
      ``,
      `Confirm your email address to finish joining ${p.orgName} on Lantern:`,
      ``,
      `${p.link}`,
      ``,
      `This link is valid for 24 hours and can be used once. ` +
        `If you did not accept an invitation to ${p.orgName}, ignore this mail: no account is created.`,
      ``,
    ].join("\n"),
  };
}

export function supplierInviteMail(p: { orgName: string; supplierName: string; link: string; dueAt: string | null; expiresAt: string }) {
  const due = p.dueAt ? `Please complete it by ${p.dueAt.slice(0, 10)}.\n` : "";
  return {
    subject: `${p.orgName} asks ${p.supplierName} to complete a forced-labour due-diligence questionnaire`,
    text: [
      `${p.orgName} uses Lantern to check its supply chain for forced labour and human trafficking, ` +
        `and asks ${p.supplierName} to answer a short questionnaire based on the Athens Ethical Principles.`,
      ``,
      `Open the questionnaire (no account needed; available in English, Español, Français and 中文):`,
      ``,
      `${p.link}`,
      ``,
      `${due}Your answers are saved as you go. ` + `The link is personal and valid until ${p.expiresAt.slice(0, 10)}; do not forward it.`,
      ``,
    ].join("\n"),
  };
}

export function supplierReminderMail(p: {
  orgName: string;
  supplierName: string;
  link: string;
  dueAt: string;
  kind: "due-7d" | "due-1d" | "overdue";
}) {
  const when = p.kind === "overdue" ? `was due on ${p.dueAt.slice(0, 10)}` : `is due on ${p.dueAt.slice(0, 10)}`;
  return {
    subject: `${p.kind === "overdue" ? "Overdue" : "Reminder"}: ${p.orgName}'s questionnaire for ${p.supplierName} ${when}`,
    text: [
      `The forced-labour due-diligence questionnaire that ${p.orgName} sent to ${p.supplierName} ${when}.`,
      ``,
      `Continue where you left off (your answers so far are saved):`,
      ``,
      `${p.link}`,
      ``,
      `This new link replaces the earlier ones.`,
      ``,
    ].join("\n"),
  };
}

export function webhookPausedMail(p: { orgName: string; url: string; failures: number; since: string; link: string }) {
  return {
    subject: `A webhook of ${p.orgName} was paused: it kept failing`,
    text: [
      `Lantern paused the webhook to ${p.url}.`,
      ``,
      `Its last ${p.failures} delivery attempts failed, the first of them at ${p.since}. Events are kept while`,
      `it is paused; nothing more is sent to it until an admin resumes it.`,
      ``,
      `See the delivery log and resume it when the receiving system works again:`,
      ``,
      `${p.link}`,
      ``,
    ].join("\n"),
  };
}

export function ssoDomainProofMail(p: { orgName: string; domain: string; requester: string; link: string }) {
  return {
    subject: `Confirm that ${p.orgName} may use ${p.domain} for single sign-on`,
    text: [
      `${p.requester} asked Lantern to let the organisation "${p.orgName}" sign in everyone with an address at ${p.domain}`,
      `through its identity provider (single sign-on).`,
      ``,
      `If you run the mail of ${p.domain} and agree, confirm here (valid for 24 hours, usable once):`,
      ``,
      `${p.link}`,
      ``,
      `If you do not know about this, ignore this mail: nothing changes.`,
      ``,
    ].join("\n"),
  };
}

export function passwordResetRefusedSsoMail(p: { link: string }) {
  return {
    subject: "Your Lantern account signs in with single sign-on",
    text: [
      `A password reset was requested for your Lantern account, but your organisation has you sign in through its`,
      `identity provider (single sign-on), so a password would not let you in.`,
      ``,
      `Sign in here with your work email: ${p.link}`,
      `If that does not work, ask your organisation's Lantern admin.`,
      ``,
    ].join("\n"),
  };
}
