import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"@gatehouse/cli","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/cli/index.md","filePath":"api/@gatehouse/cli/index.md"}');
const _sfc_main = { name: "api/@gatehouse/cli/index.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="gatehouse-cli" tabindex="-1">@gatehouse/cli <a class="header-anchor" href="#gatehouse-cli" aria-label="Permalink to &quot;@gatehouse/cli&quot;">​</a></h1><h2 id="classes" tabindex="-1">Classes <a class="header-anchor" href="#classes" aria-label="Permalink to &quot;Classes&quot;">​</a></h2><ul><li><a href="./classes/CliError">CliError</a></li></ul><h2 id="interfaces" tabindex="-1">Interfaces <a class="header-anchor" href="#interfaces" aria-label="Permalink to &quot;Interfaces&quot;">​</a></h2><ul><li><a href="./interfaces/CliIo">CliIo</a></li><li><a href="./interfaces/CliStream">CliStream</a></li><li><a href="./interfaces/DemoResult">DemoResult</a></li><li><a href="./interfaces/DemoRow">DemoRow</a></li><li><a href="./interfaces/RunDemoOptions">RunDemoOptions</a></li></ul><h2 id="type-aliases" tabindex="-1">Type Aliases <a class="header-anchor" href="#type-aliases" aria-label="Permalink to &quot;Type Aliases&quot;">​</a></h2><ul><li><a href="./type-aliases/CliErrorCode">CliErrorCode</a></li><li><a href="./type-aliases/ExitCode">ExitCode</a></li></ul><h2 id="variables" tabindex="-1">Variables <a class="header-anchor" href="#variables" aria-label="Permalink to &quot;Variables&quot;">​</a></h2><ul><li><a href="./variables/EXIT_CODES">EXIT_CODES</a></li></ul><h2 id="functions" tabindex="-1">Functions <a class="header-anchor" href="#functions" aria-label="Permalink to &quot;Functions&quot;">​</a></h2><ul><li><a href="./functions/isCliError">isCliError</a></li><li><a href="./functions/run">run</a></li><li><a href="./functions/runDemo">runDemo</a></li></ul></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/cli/index.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const index = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  index as default
};
