/** OpenCC's dictionaries as shipped by opencc-js: one string of `from to|from to` pairs. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
