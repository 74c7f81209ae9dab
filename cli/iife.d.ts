/** `import code from './page.ts?iife'` (scripts/iife-import.ts): the file bundled into one script's text. */
declare module '*?iife' {
  const code: string;
  export default code;
}
