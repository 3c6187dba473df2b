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
  callBetweenRuns: () =>
    "An st call came after its run had ended (from a promise or timer the script did not await), so nothing was drawn or read. " +
    "Await that work inside the script.",
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

/** Messages of the display elements (st.write, headings, metric, table). */
export const displayMessages = {
  writePromise: () =>
    "`st.write()` received a Promise, which has no value to show yet. Did you forget `await`?\n\n" +
    "Wrong: `st.write(fetchData())`\nRight: `st.write(await fetchData())`",
  dividerColor: (value: string) =>
    `Divider parameter has invalid value: \`${value}\`. Please choose from: blue, green, orange, red, violet, gray/grey, or rainbow.`,
  reservedAnchor: (anchor: string) =>
    `The heading anchor \`${anchor}\` starts with \`el-\`, which Edgelit reserves for its own element ids. ` +
    `Choose another anchor, for example \`${anchor.slice(3) || "section"}\`.`,
  deltaColor: (value: string) =>
    `'${value}' is not an accepted value. deltaColor only accepts: 'normal', 'inverse', or 'off'`,
  tableData: (got: string) =>
    `\`st.table()\` cannot show ${got}. Pass an array of rows (objects or arrays), or an object of columns, ` +
    'for example `st.table([{ name: "Ada", age: 36 }])` or `st.table({ name: ["Ada"], age: [36] })`.',
};

/** A widget value below its `minValue` (R31 at construction, R51 through session state). */
export class ValueBelowMinError extends StreamlitAPIException {
  override name = "StreamlitValueBelowMinError";
}

/** A widget value above its `maxValue` (R31 at construction, R51 through session state). */
export class ValueAboveMaxError extends StreamlitAPIException {
  override name = "StreamlitValueAboveMaxError";
}

/** Messages of the input widgets (R31 construction errors, R51 invalid session-state values). */
export const widgetMessages = {
  valueBelowMin: (value: string, min: string) => `The \`value\` ${value} is less than the \`minValue\` ${min}.`,
  valueAboveMax: (value: string, max: string) => `The \`value\` ${value} is greater than the \`maxValue\` ${max}.`,
  minAboveMax: (min: string, max: string) =>
    `The \`minValue\` ${min} is greater than the \`maxValue\` ${max}. Swap them, or widen the range.`,
  numberTypes: (types: [string, string][]) =>
    "All numerical arguments must be of the same type." + types.map(([arg, type]) => `\n\`${arg}\` has ${type} type.`).join(""),
  notFinite: (arg: string, value: string) => `\`${arg}\` must be a finite number; it was ${value}.`,
  numberFormat: (type: string, format: string) =>
    `Format string for \`st.${type}\` contains invalid characters: ${format}\n\n` +
    'Use one printf-style conversion, for example `"%d"`, `"%0.2f"` or `"%.1f%%"`.',
  sliderMinMax: (min: string, max: string) =>
    `Slider \`minValue\` must be less than the \`maxValue\`.\nThe values were ${min} and ${max}.`,
  sliderStep: (step: string) =>
    step === "0" ? "Slider components cannot be passed a `step` of 0." : `Slider \`step\` must be a positive number; it was ${step}.`,
  sliderValue: () =>
    "Slider value should either be a number or an array of two numbers, for example `value: 5` or `value: [2, 8]`.",
  selectboxIndex: () => "Selectbox index must be greater than or equal to 0 and less than the length of options.",
  radioIndex: () => "Radio index must be between 0 and length of options",
  emptyOptions: () => "The `options` argument needs to be non-empty",
  notAnOption: (label: string) =>
    `The \`value\` ${label} is not one of the \`options\`. Pass a value that is an element of \`options\`.`,
  multiselectDefault: (label: string) =>
    `The default value '${label}' is not part of the options. Please make sure that every default values also exists in the options.`,
  selectionCountExceedsMax: (count: number, max: number) =>
    `Multiselect has ${count} ${count === 1 ? "option" : "options"} selected but \`maxSelections\` is set to ${max}. ` +
    "This happened because you either gave too many options to `default` or you manipulated the widget's state " +
    "through `st.sessionState`. Note that the latter can happen before the line indicated in the traceback. " +
    `Please select at most ${max} ${max === 1 ? "option" : "options"}.`,
  maxSelections: (value: string) => `\`maxSelections\` must be a positive integer; it was ${value}.`,
  captionsCount: () => "The number of captions has to match number of options!",
  optionsNotClonable: (type: string, reason: string) =>
    `The \`options\` of \`st.${type}\` must be structured-clonable, because the session stores them durably ` +
    `(${reason}). Pass plain data and map it to labels with \`formatFunc\`, for example ` +
    '`st.selectbox("Fruit", ids, { formatFunc: (id) => names[id] })`.',
  invalidAssigned: (key: string, type: string, value: string, expected: string) =>
    `\`st.sessionState.${key}\` was set to ${value}, which \`st.${type}\` cannot hold: it expects ${expected}.`,
  defaultTooLong: (type: string, length: number, max: number) =>
    `The default \`value\` of \`st.${type}\` is ${length} characters long, which exceeds \`maxChars\` (${max}).`,
  maxChars: (value: string) => `\`maxChars\` must be a positive integer; it was ${value}.`,
  textInputType: (type: string) => `'${type}' is not a valid textInput type. Valid types are 'default' and 'password'.`,
  textAreaHeight: (height: string) => `Invalid height ${height}px for \`st.textArea\` - must be at least 68 pixels.`,
  invalidDate: (arg: string, value: string) =>
    `\`${arg}\` ${value} is not a valid date. Use an ISO date like "2024-05-31", "today", a Date or null.`,
  dateFormat: (format: string) =>
    `The provided format (\`${format}\`) is not valid. DateInput format should be one of \`YYYY/MM/DD\`, ` +
    "`DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) as separators.",
  invalidTime: (value: string) => `The time ${value} is not valid. Use "HH:MM" (24-hour clock), "now" or null.`,
  timeStep: (step: string) => `\`step\` must be between 60 seconds and 23 hours but is currently set to ${step} seconds.`,
  invalidColor: (value: string) => `'${value}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.`,
};
