import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IamCredentialConfig","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/IamCredentialConfig.md","filePath":"api/@gatehouse/local-gateway/interfaces/IamCredentialConfig.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/IamCredentialConfig.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-iamcredentialconfig" tabindex="-1">Interface: IamCredentialConfig <a class="header-anchor" href="#interface-iamcredentialconfig" aria-label="Permalink to &quot;Interface: IamCredentialConfig&quot;">​</a></h1><p>An IAM principal whose SigV4-signed requests <code>AWS_IAM</code> routes accept.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-accesskeyid"></a> <code>accessKeyId</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-orgid"></a> <code>orgId?</code></td><td><code>string</code></td><td><code>aws:PrincipalOrgID</code>.</td></tr><tr><td><a id="property-policy"></a> <code>policy</code></td><td><code>PolicyDocument</code> | readonly <code>PolicyDocument</code>[] | <code>null</code></td><td>The caller&#39;s identity policy (statements without <code>Principal</code>); <code>null</code> means none (silent: only a resource policy naming the caller can allow). Required so that &quot;no policy&quot; is explicit.</td></tr><tr><td><a id="property-principalarn"></a> <code>principalArn</code></td><td><code>string</code></td><td>The signing principal, e.g. <code>arn:aws:iam::123456789012:user/alice</code>; its account decides Table A/B.</td></tr><tr><td><a id="property-secretaccesskey"></a> <code>secretAccessKey</code></td><td><code>string</code></td><td>Never logged nor echoed.</td></tr><tr><td><a id="property-sessiontoken"></a> <code>sessionToken?</code></td><td><code>string</code></td><td>Required in <code>X-Amz-Security-Token</code> when set; refused when unset.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/IamCredentialConfig.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IamCredentialConfig = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IamCredentialConfig as default
};
