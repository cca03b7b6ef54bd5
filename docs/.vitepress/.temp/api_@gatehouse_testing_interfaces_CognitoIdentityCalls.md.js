import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: CognitoIdentityCalls","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/CognitoIdentityCalls.md","filePath":"api/@gatehouse/testing/interfaces/CognitoIdentityCalls.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/CognitoIdentityCalls.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-cognitoidentitycalls" tabindex="-1">Interface: CognitoIdentityCalls <a class="header-anchor" href="#interface-cognitoidentitycalls" aria-label="Permalink to &quot;Interface: CognitoIdentityCalls&quot;">​</a></h1><p>Calls received per operation, throttled and failed calls included.</p><h2 id="indexable" tabindex="-1">Indexable <a class="header-anchor" href="#indexable" aria-label="Permalink to &quot;Indexable&quot;">​</a></h2><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">[operation: string]: number</span></span></code></pre></div><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-assumerolewithwebidentity"></a> <code>AssumeRoleWithWebIdentity</code></td><td><code>number</code></td></tr><tr><td><a id="property-getcredentialsforidentity"></a> <code>GetCredentialsForIdentity</code></td><td><code>number</code></td></tr><tr><td><a id="property-getid"></a> <code>GetId</code></td><td><code>number</code></td></tr><tr><td><a id="property-getopenidtoken"></a> <code>GetOpenIdToken</code></td><td><code>number</code></td></tr><tr><td><a id="property-getopenidtokenfordeveloperidentity"></a> <code>GetOpenIdTokenForDeveloperIdentity</code></td><td><code>number</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/CognitoIdentityCalls.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const CognitoIdentityCalls = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  CognitoIdentityCalls as default
};
