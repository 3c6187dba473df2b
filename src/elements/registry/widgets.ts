/** Input widgets. */
import { button } from "../widgets/button";
import { checkbox } from "../widgets/checkbox";
import { colorPicker } from "../widgets/color-picker";
import { dateInput } from "../widgets/date-input";
import { formSubmitButton } from "../widgets/form-submit-button";
import { multiselect } from "../widgets/multiselect";
import { numberInput } from "../widgets/number-input";
import { radio } from "../widgets/radio";
import { selectSlider } from "../widgets/select-slider";
import { selectbox } from "../widgets/selectbox";
import { slider } from "../widgets/slider";
import { textArea } from "../widgets/text-area";
import { textInput } from "../widgets/text-input";
import { timeInput } from "../widgets/time-input";
import { toggle } from "../widgets/toggle";

export const widgets = {
  button,
  formSubmitButton,
  checkbox,
  toggle,
  radio,
  selectbox,
  multiselect,
  slider,
  selectSlider,
  numberInput,
  textInput,
  textArea,
  dateInput,
  timeInput,
  colorPicker,
};
