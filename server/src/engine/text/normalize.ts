// Pure text helpers shared by the parser and the catalog matchers. They run on every table cell on
// every keystroke, so every regex is precompiled and linear (no nested quantifiers, every repeated
// class excludes its own terminator), and the per-character work is a single pass.

import { stripHtml } from './html';

/**
 * True for the UTF-16 code units `String.prototype.trim` and `\s` remove: tab, LF, VT, FF, CR, space,
 * NBSP, the Unicode space separators, LS, PS and the BOM. Lets hot loops find trimmed bounds without
 * allocating the trimmed strings.
 */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `s.trim() === ''` without the trimmed copy. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isWhiteSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to ASCII: '１２３，４５６' -> '123,456'. */
export function toHalfWidth(s: string): string {
  // Most text has none: a test is cheaper than a replace that finds nothing (it runs on every cell).
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const SUP_TAG = /<sup>[^<]*<\/sup>/gi;
const FOOTNOTE_REF = /\[\^[^\]\s[]*\]/g;
const SUPERSCRIPT_PAREN = /⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾/g;
const SUPERSCRIPT_DIGITS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
/** Both superscript patterns hold a superscript digit: without one, neither replace can change anything. */
const HAS_SUPERSCRIPT_DIGIT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
// '²' '³' right after a length symbol is an exponent ('m³', 'km²', 'ft²'), not a footnote mark.
const LENGTH_SYMBOL_BEFORE = /(?:^|[^A-Za-z])(?:m|km|cm|ft)$/;
// '10⁻²', '× 10³': the exponent of scientific notation ('2.29 x 10⁻²'), not a footnote mark.
const POWER_OF_TEN_BEFORE = /(?:[x×*·]\s*10[⁻⁺]?|10⁻)$/;
function keepUnitExponent(mark: string, offset: number, text: string): string {
  if ((mark === '²' || mark === '³') && LENGTH_SYMBOL_BEFORE.test(text.slice(Math.max(0, offset - 3), offset)))
    return mark;
  if (POWER_OF_TEN_BEFORE.test(text.slice(Math.max(0, offset - 6), offset))) return mark;
  return '';
}
/** '2.29 x 10<sup>-2</sup>': an exponent in a tag, written '10^-2' before tags are removed. */
const POWER_OF_TEN_TAG = /([x×*·]\s*10)<sup>\s*([+\-−⁻]?\d{1,3})\s*<\/sup>/gi;
const TRAILING_NUMBER_MARK = /[(（]\d{1,2}[)）]$/;

/**
 * Removes footnote marks: `<sup>..</sup>`, `[^id]`, superscript digits (but not the exponent of 'm³',
 * 'km²') and `⁽¹⁾`, and a plain `(1)` /
 * `（1）` only at the very end of the text (a number in brackets elsewhere is content, and bracketed
 * words such as '(含港、澳、台)' are never touched). Trailing whitespace left by a removed mark is trimmed.
 */
export function stripFootnoteMarks(s: string): string {
  let out = s;
  if (out.includes('<')) out = out.replace(POWER_OF_TEN_TAG, '$1^$2').replace(SUP_TAG, '');
  if (out.includes('[^')) out = out.replace(FOOTNOTE_REF, '');
  if (HAS_SUPERSCRIPT_DIGIT.test(out))
    out = out.replace(SUPERSCRIPT_PAREN, '').replace(SUPERSCRIPT_DIGITS, keepUnitExponent);
  const trimmed = out.trimEnd();
  // A trailing mark ends in a bracket; most text does not.
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last !== 0x29 /* ) */ && last !== 0xff09 /* ） */) return trimmed;
  // Test the last few characters only, so the anchored pattern cannot rescan a long string.
  const tail = trimmed.slice(-6);
  const m = TRAILING_NUMBER_MARK.exec(tail);
  if (m) {
    const rest = trimmed.slice(0, trimmed.length - m[0].length).trimEnd();
    if (rest) return rest;
  }
  return trimmed;
}

// Traditional -> Simplified pairs for every Han character of the KPI and unit catalogs, the seed
// reports and the HKEX requirement texts whose Simplified form differs (generated with OpenCC hk->cn
// and tw->cn, one character at a time, plus HK/TW variants 週 僱 臺 佔 遊 汙 裡 綫). Folding both
// sides of a lookup with this table lets zh-Hans labels match zh-Hant synonyms.
const TRAD_SIMP_PAIRS =
  '氫氢烴烃丟丢並并乾干亂乱亞亚佈布佔占併并來来係系倉仓個个們们倫伦側侧備备傢家傭佣傳传債债傷伤傾倾僅仅僱雇價价儀仪億亿儘尽優优儲储兌兑內内兩两冊册凍冻別别刪删則则創创劃划' +
  '劇剧劑剂勁劲動动務务勝胜勞劳勢势勳勋勵励匯汇區区協协卻却參参員员問问啟启單单噸吨嚴严國国圍围園园圖图團团執执堅坚報报場场塊块塵尘壇坛壓压壘垒壞坏壟垄壯壮壽寿夠够' +
  '夥伙奧奥奮奋婦妇嬰婴學学實实審审寫写寬宽寶宝將将專专尋寻對对導导屆届層层屬属島岛崗岗師师帶带幣币幫帮幹干庫库廚厨廠厂廢废廣广廳厅張张強强彈弹彙汇後后徑径從从復复' +
  '徵征徹彻恆恒愛爱態态慣惯慮虑慶庆憑凭應应懷怀懸悬戰战戲戏戶户掃扫掛挂採采揀拣揚扬換换揮挥損损撐撑撫抚擁拥擇择擊击擔担據据擬拟擲掷擴扩擺摆擾扰攔拦攜携攝摄敗败數数' +
  '斬斩斷断於于時时晉晋暢畅暫暂曉晓書书會会東东桿杆條条棄弃棟栋棧栈業业極极榮荣構构樂乐樓楼標标樣样樹树橋桥機机橫横檔档檢检櫃柜櫻樱權权歐欧歡欢歲岁歷历歸归殘残氣气' +
  '汙污決决沒没沖冲況况洩泄淨净減减測测湯汤準准溝沟溫温滅灭滯滞滲渗滿满漢汉漲涨潔洁潛潜潤润澱淀濃浓濕湿濟济濤涛濾滤瀏浏災灾為为無无煉炼煥焕熱热燈灯燒烧營营爭争爲为' +
  '牆墙牽牵狀状獎奖獨独獲获獻献現现環环產产畫画異异當当疇畴疊叠瘓痪療疗癱瘫發发盡尽監监盤盘眾众瞞瞒碩硕確确碼码礎础礦矿禦御禮礼稅税種种稱称穀谷積积穩稳競竞節节範范' +
  '築筑篩筛簡简簽签籃篮籌筹籤签糾纠紀纪約约紅红納纳紙纸級级紛纷紮扎細细紹绍終终組组結结絕绝絡络給给統统經经綜综綠绿綫线維维綱纲網网緊紧緒绪線线緣缘編编緩缓練练縫缝' +
  '縮缩縱纵總总績绩織织繞绕繪绘繫系繳缴繼继續续纖纤纜缆罰罚義义習习聞闻聯联聲声職职聽听肅肃脅胁脈脉脫脱腦脑腳脚臉脸臟脏臨临臺台與与興兴舉举舊旧艦舰莊庄華华萊莱萬万' +
  '著着蓋盖薦荐薩萨藍蓝藥药蘇苏處处虛虚號号蝕蚀蟲虫蟻蚁術术衛卫衝冲補补裝装裡里製制複复見见規规視视親亲覺觉覽览觀观觸触訂订計计訊讯討讨訓训託托記记訟讼訪访設设許许' +
  '訴诉診诊註注詐诈評评詞词詢询試试話话該该詳详誇夸誌志認认語语誠诚誤误說说課课誼谊調调談谈請请論论諧谐諮咨諸诸諾诺講讲謹谨證证識识譜谱議议護护譽誉讀读變变讓让豐丰' +
  '負负財财貢贡貧贫貨货貪贪貫贯責责貴贵買买費费貼贴貿贸賂赂賃赁賄贿資资賢贤賣卖賦赋質质賬账賴赖購购賽赛贈赠贊赞贏赢趨趋跡迹踐践蹤踪躍跃車车軌轨軍军軟软軸轴較较載载' +
  '輔辅輕轻輛辆輪轮輯辑輸输輿舆轄辖轉转辦办辭辞這这連连週周進进遊游運运過过達达違违遞递遠远適适遷迁選选遺遗邁迈還还邊边邏逻郵邮鄉乡鄒邹鄭郑醫医釋释釐厘針针釣钓鉛铅' +
  '鉤钩銀银銜衔銷销鋒锋鋪铺錄录錢钱錨锚錯错錶表鍊炼鍵键鍼针鎖锁鏈链鐘钟鑒鉴長长門门閉闭開开閒闲間间閥阀閱阅閾阈闊阔關关闡阐闢辟陣阵陳陈陸陆陽阳隊队階阶際际隨随險险' +
  '隱隐雙双雜杂離离難难雲云電电靈灵鞏巩韌韧響响頂顶頃顷項项順顺須须預预頒颁領领頭头頸颈頻频顆颗題题額额願愿類类顧顾顫颤顯显風风颱台飲饮養养餘余館馆饋馈馬马駐驻駕驾' +
  '騷骚驅驱驗验驚惊驟骤體体鬆松魚鱼鮮鲜鴻鸿鵲鹊點点齊齐齡龄龍龙';

/**
 * Extra folds applied after Traditional -> Simplified: Chinese numerals 一..九 to digits ('範圍一' =
 * '範圍1'), the conjunctions 與/与/和 to 及, and the particle 的 dropped ('按性別劃分的員工人數' =
 * '按性別劃分員工人數'). Both sides of every lookup go through the same fold, so merging is safe.
 */
const EXTRA_FOLDS: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  與: '及',
  与: '及',
  和: '及',
  的: '',
};

const LABEL_FOLD = new Map<string, string>();
for (let i = 0; i + 1 < TRAD_SIMP_PAIRS.length; i += 2) LABEL_FOLD.set(TRAD_SIMP_PAIRS[i], TRAD_SIMP_PAIRS[i + 1]);
for (const [from, to] of LABEL_FOLD) if (to in EXTRA_FOLDS) LABEL_FOLD.set(from, EXTRA_FOLDS[to]);
for (const [from, to] of Object.entries(EXTRA_FOLDS)) LABEL_FOLD.set(from, to);

/** Folds one Han character (Traditional and Simplified variants to one key); other characters unchanged. */
export function foldHan(ch: string): string {
  return LABEL_FOLD.get(ch) ?? ch;
}

const SUBSCRIPT_OR_SUPERSCRIPT = /[₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹]/g;
const SCRIPT_DIGIT: Record<string, string> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const BRACKETED_SPAN = /\[([^[\]]*)\]\{[^{}]*\}/g;
const MARKDOWN_LINK = /\[([^[\]]*)\]\([^()]*\)/g;
const BACKSLASH_ESCAPE = /\\(.)/g;
// Kept in keys: letters, digits, and the comparison signs that distinguish '<30' from '>30'.
const DROPPED = /[^\p{L}\p{N}+<>≤≥]+/gu;
// Characters the fold can change: CJK ideographs (the fold table) and subscript digits.
const FOLDABLE = /[\u3400-\u9fff\uf900-\ufaff₀-₉]/g;

/**
 * The key used for catalog lookups: half-width, footnote marks removed, Markdown emphasis, links,
 * bracketed spans and HTML tags reduced to their text, whitespace and punctuation removed, lowercase,
 * Traditional/Simplified variants folded (see LABEL_FOLD).
 */
export function normalizeLabel(s: string): string {
  let t = stripFootnoteMarks(toHalfWidth(s));
  t = stripHtml(t);
  if (t.includes('[')) t = t.replace(BRACKETED_SPAN, '$1').replace(MARKDOWN_LINK, '$1');
  if (t.includes('\\')) t = t.replace(BACKSLASH_ESCAPE, '$1');
  return t
    .toLowerCase()
    .replace(DROPPED, '')
    .replace(FOLDABLE, (ch) => LABEL_FOLD.get(ch) ?? SCRIPT_DIGIT[ch] ?? ch);
}

const UNIT_SEPARATORS = /[÷∕⁄╱]/g;
const UNIT_DOTS = /[·•⋅・]/g;
const WHITESPACE = /\s+/g;

/**
 * Canonical spelling of a unit for lookups: half-width, sub/superscript digits to ASCII ('tCO₂e' ->
 * 'tCO2e', 'm³' -> 'm3'), whitespace and multiplication dots removed, '／' '÷' -> '/'. Case is kept
 * (the unit matcher decides about case).
 */
export function normalizeUnitText(s: string): string {
  return toHalfWidth(s)
    .replace(SUBSCRIPT_OR_SUPERSCRIPT, (ch) => SCRIPT_DIGIT[ch])
    .replace(UNIT_SEPARATORS, '/')
    .replace(UNIT_DOTS, '')
    .replace(WHITESPACE, '');
}

/**
 * A copy of `s` with its own storage. A slice of a document may share the document's storage, so a
 * cache keyed by slices would keep every old version of the document alive.
 */
export function detachedCopy(s: string): string {
  // `['', s].join('')` returns `s` itself in V8 (measured); a concatenation is a new string, and slicing
  // it flattens it into storage of its own first.
  return (' ' + s).slice(1);
}
