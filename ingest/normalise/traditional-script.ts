/**
 * @module A document printed in traditional characters, read in simplified ones. Mainland government portals
 * serve their pages in both scripts (a 简体/繁體 switch in the page header), and a copy saved from the
 * traditional view holds the document as "甘肅省人民政府辦公廳…甘政辦發〔2020〕92號…牽頭單位：縣衛健委" — none of
 * the wording the pipeline reads (文号 ending in 号, 卫生健康委, 牵头单位) is in it, so the document came out under
 * the nation with no number, agencies or links. OpenCC's Hong Kong → mainland conversion (it reads the Taiwan
 * forms too, and 衞 as well as 衛) turns phrases first, so 顯著 gives 显著 while 著名 stays.
 */
import { ConverterFactory } from 'opencc-js/core';
import CJK_COMPATIBILITY_IDEOGRAPHS from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';
import HK_VARIANTS_REV_PHRASES from 'opencc-js/dict/HKVariantsRevPhrases';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';

/**
 * Share of a document's Chinese characters that are traditional forms, from which it is read as written in
 * traditional characters. A text in traditional characters has a fifth to a third of them (甘肃's notice: 157
 * of 496); a simplified one almost none, but not always none: 著 of 显著 is one (2 of 20,430 characters in
 * 三明's 十四五 plan). Only such a text is converted: a simplified one needs nothing, and is left as it is.
 */
const TRADITIONAL_SHARE = 0.05;

/**
 * OpenCC's dictionaries read "繁 简|繁 简 简|…", a traditional form and what it becomes: a table over the Basic
 * Multilingual Plane, 1 where a character is a traditional form, so that every document is checked in one
 * pass of table reads (its text work is a few milliseconds).
 */
function traditionalFormsOf(dictionary: string): Uint8Array {
  const forms = new Uint8Array(0x10000);
  for (const entry of dictionary.split('|')) {
    const [form, simplified] = entry.split(' ');
    if (form?.length === 1 && simplified && form !== simplified) forms[form.charCodeAt(0)] = 1;
  }
  return forms;
}

/** CJK ideographs of the Basic Multilingual Plane: extension A, the unified block, the compatibility block. */
const isChinese = (code: number) =>
  (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

let traditionalForms: Uint8Array | undefined;
let toSimplified: ((text: string) => string) | undefined;

/** Whether the text is written in traditional characters (see TRADITIONAL_SHARE). */
export function isTraditional(text: string): boolean {
  const forms = (traditionalForms ??= traditionalFormsOf(TS_CHARACTERS));
  let chinese = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (!isChinese(code)) continue;
    chinese += 1;
    traditional += forms[code] ?? 0;
  }
  return chinese > 0 && traditional / chinese >= TRADITIONAL_SHARE;
}

/**
 * The text in simplified characters, one UTF-16 unit for one, so that each keeps its place in the file: a run of
 * Chinese characters whose conversion has another length (a rare character whose other form lies outside the
 * Basic Multilingual Plane, as 444 of OpenCC's compatibility ideographs and 219 of its traditional characters do,
 * or the one phrase of 477 that changes length) is turned character by character, and such a character stays.
 */
export function simplified(text: string): string {
  toSimplified ??= ConverterFactory(
    [CJK_COMPATIBILITY_IDEOGRAPHS],
    [HK_VARIANTS_REV_PHRASES, HK_VARIANTS_REV],
    [TS_PHRASES, TS_CHARACTERS],
  );
  const convert = toSimplified;
  return text.replace(/\p{Script=Han}+/gu, (run) => {
    const converted = convert(run);
    if (converted.length === run.length) return converted;
    return [...run].map((character) => (convert(character).length === character.length ? convert(character) : character)).join('');
  });
}
