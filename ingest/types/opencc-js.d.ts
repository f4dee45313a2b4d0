/** OpenCC's dictionaries as opencc-js ships them (`opencc-js/dict/<name>`, untyped): "繁 简|繁 简|…". */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
