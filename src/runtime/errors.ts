/**
 * Errors an app author can see. Names and messages follow Streamlit's (SEMANTICS §1.19), with
 * Python names translated to Edgelit's (`st.session_state` → `st.sessionState`).
 */

const FORMS_DOCS =
  "For more information, refer to the [documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).";
const STATE_DOCS =
  "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization";

export class StreamlitAPIException extends Error {
  override name = "StreamlitAPIException";
}

export class DuplicateElementId extends StreamlitAPIException {
  override name = "StreamlitDuplicateElementId";
}

export class DuplicateElementKey extends StreamlitAPIException {
  override name = "StreamlitDuplicateElementKey";
}

export class ValueAssignmentNotAllowedError extends StreamlitAPIException {
  override name = "StreamlitValueAssignmentNotAllowedError";
}

export class InvalidFormCallbackError extends StreamlitAPIException {
  override name = "StreamlitInvalidFormCallbackError";
}

export class InvalidColumnSpecError extends StreamlitAPIException {
  override name = "StreamlitInvalidColumnSpecError";
}

export class SelectionCountExceedsMaxError extends StreamlitAPIException {
  override name = "StreamlitSelectionCountExceedsMaxError";
}

/** A session-state value that cannot be persisted (not structured-clonable). */
export class UnserializableSessionStateError extends StreamlitAPIException {
  override name = "UnserializableSessionStateError";
}

/** An event names a widget the session does not know (stale page, forged post). */
export class UnknownWidgetError extends Error {
  override name = "UnknownWidgetError";
}

/** The run exceeded its rerun limit or deadline. */
export class RunawayScriptError extends Error {
  override name = "RunawayScriptError";
}

export const messages = {
  reservedKey: () => "Keys beginning with $$ID are reserved.",
  setAfterWidget: (key: string) =>
    `\`st.sessionState.${key}\` cannot be modified after the widget with key \`${key}\` is instantiated. ` +
    "Assign it before the widget's line, or in a callback.",
  valueAssignmentNotAllowed: (key: string) =>
    `Values for the widget with \`key\` '${key}' cannot be set using \`st.sessionState\`.`,
  duplicateId: (type: string, first: string, second: string) =>
    `There are multiple \`${type}\` elements with the same auto-generated ID. When this element is created, ` +
    "it is assigned an internal ID based on the element type and provided parameters. Multiple elements " +
    "with the same type and parameters will cause this error.\n\n" +
    `To fix this error, please pass a unique \`key\` argument to the \`${type}\` element.\n\n` +
    `First created at ${first}; again at ${second}.`,
  duplicateKey: (key: string, first: string, second: string) =>
    `There are multiple elements with the same \`key='${key}'\`. To fix this, please make sure that the ` +
    `\`key\` argument is unique for each element you create.\n\nFirst created at ${first}; again at ${second}.`,
  duplicateForm: (key: string) =>
    `There are multiple identical forms with \`key='${key}'\`.\n\nTo fix this, please make sure that the ` +
    "`key` argument is unique for\neach `st.form` you create.",
  nestedForm: () => "Forms cannot be nested in other forms.",
  callbackInForm: () =>
    "Within a form, callbacks can only be defined on `st.formSubmitButton`. Defining callbacks on other " +
    "widgets inside a form is not allowed.",
  buttonInForm: (name: string) => `\`st.${name}()\` can't be used in an \`st.form()\`.\n\n${FORMS_DOCS}`,
  submitOutsideForm: () => `\`st.formSubmitButton()\` must be used inside an \`st.form()\`.\n\n${FORMS_DOCS}`,
  missingKey: (key: string) => `st.sessionState has no key "${key}". Did you forget to initialize it? ${STATE_DOCS}`,
  placeholderMultiWrite: () =>
    "Cannot replace a single element with multiple elements.\n\nThe `write()` method only supports multiple " +
    "elements when inserting elements rather than replacing. That is, only when called as `st.write()` or " +
    "`st.sidebar.write()`.",
  columnSpec: () =>
    "The `spec` argument to `st.columns` must be either a positive integer (number of columns) or a list of " +
    "positive numbers (width ratios of the columns). See " +
    "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) for more information.",
  labelVisibility: (value: string) =>
    `Unsupported labelVisibility option '${value}'. Valid values are 'visible', 'hidden' or 'collapsed'.`,
  unserializable: (key: string, reason: string) =>
    `Cannot persist \`st.sessionState.${key}\`: its value is not structured-clonable (${reason}). ` +
    "Session state is stored durably, so store plain data (numbers, strings, arrays, objects, Dates, Maps) " +
    "and rebuild functions or class instances from it on each run.",
  redacted: () =>
    "This app has encountered an error. The original error message is redacted to prevent data leaks. " +
    "Full error details have been recorded in the logs.",
};
