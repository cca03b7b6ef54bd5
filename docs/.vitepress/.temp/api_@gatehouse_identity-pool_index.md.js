import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"@gatehouse/identity-pool","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/identity-pool/index.md","filePath":"api/@gatehouse/identity-pool/index.md"}');
const _sfc_main = { name: "api/@gatehouse/identity-pool/index.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="gatehouse-identity-pool" tabindex="-1">@gatehouse/identity-pool <a class="header-anchor" href="#gatehouse-identity-pool" aria-label="Permalink to &quot;@gatehouse/identity-pool&quot;">​</a></h1><h2 id="classes" tabindex="-1">Classes <a class="header-anchor" href="#classes" aria-label="Permalink to &quot;Classes&quot;">​</a></h2><ul><li><a href="./classes/IdentityPoolError">IdentityPoolError</a></li></ul><h2 id="interfaces" tabindex="-1">Interfaces <a class="header-anchor" href="#interfaces" aria-label="Permalink to &quot;Interfaces&quot;">​</a></h2><ul><li><a href="./interfaces/DeveloperIdentity">DeveloperIdentity</a></li><li><a href="./interfaces/DeveloperIdentityToken">DeveloperIdentityToken</a></li><li><a href="./interfaces/DeveloperIdentityTokenOptions">DeveloperIdentityTokenOptions</a></li><li><a href="./interfaces/IdentityPoolClient">IdentityPoolClient</a></li><li><a href="./interfaces/IdentityPoolClientOptions">IdentityPoolClientOptions</a></li><li><a href="./interfaces/IdentityPoolCredentials">IdentityPoolCredentials</a></li><li><a href="./interfaces/IdentityPoolErrorOptions">IdentityPoolErrorOptions</a></li><li><a href="./interfaces/IdentityStore">IdentityStore</a></li><li><a href="./interfaces/RetryOptions">RetryOptions</a></li></ul><h2 id="type-aliases" tabindex="-1">Type Aliases <a class="header-anchor" href="#type-aliases" aria-label="Permalink to &quot;Type Aliases&quot;">​</a></h2><ul><li><a href="./type-aliases/IdentityPoolErrorCode">IdentityPoolErrorCode</a></li><li><a href="./type-aliases/IdentityPoolLocalErrorCode">IdentityPoolLocalErrorCode</a></li><li><a href="./type-aliases/LoginsInput">LoginsInput</a></li></ul><h2 id="functions" tabindex="-1">Functions <a class="header-anchor" href="#functions" aria-label="Permalink to &quot;Functions&quot;">​</a></h2><ul><li><a href="./functions/createIdentityPoolClient">createIdentityPoolClient</a></li><li><a href="./functions/getOpenIdTokenForDeveloperIdentity">getOpenIdTokenForDeveloperIdentity</a></li><li><a href="./functions/isIdentityPoolError">isIdentityPoolError</a></li><li><a href="./functions/localStorageIdentityStore">localStorageIdentityStore</a></li><li><a href="./functions/loginsFromIdToken">loginsFromIdToken</a></li><li><a href="./functions/memoryIdentityStore">memoryIdentityStore</a></li></ul></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/identity-pool/index.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const index = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  index as default
};
