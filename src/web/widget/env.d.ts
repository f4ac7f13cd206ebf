// Build-time values and Vite's CSS-as-string imports, typed for the widget's two bundles.
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** File name of the hashed chat-app bundle, baked into the loader by vite.widget-loader.config.ts. */
declare const __AURORA_APP_FILE__: string;
