/**
 * Reading a byline or credit: which words are roles (记者, 通讯员, 实习生 …) and credits (摄,
 * 文/图 …), which are the organisation before a role (新华社, 本报), and which are personal
 * names (two to four Han characters; a name printed with a space between its characters,
 * `杨 鑫`, is one name).
 */

/** Roles and credits, longest first so that `摄影报道` wins over `摄影` and `摄`. */
const WORDS =
  /文\/图|图\/文|文\/摄|摄\/文|[文图摄]\/|\/[文图摄]|摄影报道|摄影记者|记者|通讯员|实习生|见习生|评论员|撰稿人|摄影|报道|供图|整理|摄/gu;

/** Of the words above, the roles (what may have an organisation glued before it). */
const ROLES = /记者|通讯员|实习生|见习生|评论员|撰稿人/u;

/** A bracketed note that is not a name, e.g. a press card number `（证号1507122）`. */
const NOTE = /[（(][^（）()]*[0-9０-９][^（）()]*[）)]/gu;

const NAME = /^(?:\p{Script=Han}{1,4}|\p{Script=Han}+·[\p{Script=Han}·]*\p{Script=Han})$/u;

/** Words that look like names but open a dateline: 本报讯, 本报, 新华社电. */
const NOT_NAME = /^本[报刊]|^\p{Script=Han}{2,}[讯电]$/u;

export interface Credit {
  /** Personal names, in order. */
  names: string[];
  /** A role word occurs (记者, 通讯员 …). */
  hasRole: boolean;
  /** A photo credit word occurs (摄, 摄影 …). */
  photo: boolean;
}

/**
 * Reads `text` as a byline (`首席记者 张赤奎`, `记者 A 通讯员 B`, `记者昂莹莹文/图 摄`,
 * `（郭扬 方扬烨）`, `李忠义`); null when some part of it is neither a role, a credit, an
 * organisation before a role, nor a name.
 */
export function readCredit(text: string): Credit | null {
  const cleaned = text.replace(NOTE, ' ').replace(/[（()）]/gu, ' ');
  const names: string[] = [];
  let hasRole = false;
  let photo = false;
  let singles: string[] = [];
  const flush = (): boolean => {
    if (singles.length === 0) return true;
    const joined = singles.join('');
    singles = [];
    if (joined.length < 2 || joined.length > 4) return false;
    names.push(joined);
    return true;
  };
  let last = 0;
  const pieces: { text: string; beforeRole: boolean; afterRole: boolean }[] = [];
  let afterRole = false;
  for (const match of cleaned.matchAll(WORDS)) {
    const word = match[0];
    const isRole = ROLES.test(word);
    pieces.push({ text: cleaned.slice(last, match.index), beforeRole: isRole, afterRole });
    afterRole = isRole;
    if (isRole) hasRole = true;
    if (word.includes('摄')) photo = true;
    last = match.index + word.length;
  }
  pieces.push({ text: cleaned.slice(last), beforeRole: false, afterRole });
  for (const piece of pieces) {
    const tokens = piece.text.split(/\s+/u);
    // An organisation or a modifier glued to the role: 新华社记者, 首席记者, 本报通讯员 — but
    // not a name glued between two roles: 记者吴青朋实习生刘明.
    const between = piece.afterRole && !/\s/u.test(piece.text);
    const glued =
      piece.beforeRole && !between && !/\s$/u.test(piece.text) ? tokens.pop() : undefined;
    if (glued !== undefined && glued !== '' && !/^[\p{Script=Han}\p{L}\p{N}]{1,14}$/u.test(glued)) {
      return null;
    }
    for (const token of tokens) {
      if (token === '') continue;
      if (!NAME.test(token) || NOT_NAME.test(token)) return null;
      if (Array.from(token).length === 1) {
        singles.push(token);
        continue;
      }
      if (!flush()) return null;
      names.push(token);
    }
    if (!flush()) return null;
  }
  if (names.length === 0) return null;
  return { names, hasRole, photo };
}
