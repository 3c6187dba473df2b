/**
 * Blocks drawn by `st` members rather than container methods (`st.fragment`, `st.dialog`, whose
 * position is decided when the returned function is called): the renderer finds them here.
 */
import { dialog } from "../layout/dialog";
import { fragment } from "../layout/fragment";

export const runtimeBlocks = { fragment, dialog };
