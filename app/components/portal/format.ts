// Small pieces of the portal's question display. How an answer reads is
// ~/domain/questionnaire/answer-text, shared with the officer's pages.
export { naLabel, unitLabel } from "~/domain/questionnaire/answer-text";
export { questionId } from "~/components/question/types";
