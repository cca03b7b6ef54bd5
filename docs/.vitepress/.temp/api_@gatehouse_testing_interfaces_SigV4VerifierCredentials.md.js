import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SigV4VerifierCredentials","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/SigV4VerifierCredentials.md","filePath":"api/@gatehouse/testing/interfaces/SigV4VerifierCredentials.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/SigV4VerifierCredentials.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-sigv4verifiercredentials" tabindex="-1">Interface: SigV4VerifierCredentials <a class="header-anchor" href="#interface-sigv4verifiercredentials" aria-label="Permalink to &quot;Interface: SigV4VerifierCredentials&quot;">​</a></h1><p>One key pair the verifier knows, as IAM would: the secret signs, the session token must match.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accesskeyid"></a> <code>accessKeyId</code></td><td><code>string</code></td><td>Access key id, e.g. <code>AKIDEXAMPLE</code>; the <code>Credential=</code> scope must name one of these.</td></tr><tr><td><a id="property-secretaccesskey"></a> <code>secretAccessKey</code></td><td><code>string</code></td><td>Secret access key used to recompute the signature. Never echoed in a response.</td></tr><tr><td><a id="property-sessiontoken"></a> <code>sessionToken?</code></td><td><code>string</code></td><td>Session token of temporary credentials. When set, a request must carry exactly this value in <code>X-Amz-Security-Token</code> (header or presigned query); when unset, a request carrying one is refused.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/SigV4VerifierCredentials.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SigV4VerifierCredentials = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SigV4VerifierCredentials as default
};
