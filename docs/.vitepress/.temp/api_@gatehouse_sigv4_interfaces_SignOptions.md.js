import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: SignOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/SignOptions.md","filePath":"api/@gatehouse/sigv4/interfaces/SignOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/SignOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-signoptions" tabindex="-1">Interface: SignOptions <a class="header-anchor" href="#interface-signoptions" aria-label="Permalink to &quot;Interface: SignOptions&quot;">​</a></h1><p>Options shared by <a href="./../functions/signRequest">signRequest</a> and <code>presignUrl</code>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-contentsha256header"></a> <code>contentSha256Header?</code></td><td><code>boolean</code></td><td>Add an <code>x-amz-content-sha256</code> header holding the payload hash (and sign it). <strong>Default</strong> <code>false</code></td></tr><tr><td><a id="property-credentials"></a> <code>credentials</code></td><td><a href="./../type-aliases/CredentialsInput"><code>CredentialsInput</code></a></td><td>Credentials or an async provider of them.</td></tr><tr><td><a id="property-date"></a> <code>date?</code></td><td><code>Date</code></td><td>Signing time. Pass it to freeze time in tests or to apply a clock offset. <strong>Default</strong> <code>new Date()</code></td></tr><tr><td><a id="property-normalizepath"></a> <code>normalizePath?</code></td><td><code>boolean</code></td><td>Remove <code>.</code>/<code>..</code> segments and empty segments (<code>//</code>) from the path before signing, as every service but S3 expects. <strong>Default</strong> <code>true</code></td></tr><tr><td><a id="property-payloadhash"></a> <code>payloadHash?</code></td><td><code>string</code></td><td>The payload hash to sign instead of hashing the body: lower-case hex SHA-256 or <code>&quot;UNSIGNED-PAYLOAD&quot;</code>. Required for <code>ReadableStream</code> bodies.</td></tr><tr><td><a id="property-region"></a> <code>region?</code></td><td><code>string</code></td><td>Signing region. Inferred from <code>{id}.execute-api.{region}.amazonaws.com(.cn)</code> and <code>{id}.lambda-url.{region}.on.aws</code> hosts; required for any other host.</td></tr><tr><td><a id="property-service"></a> <code>service?</code></td><td><code>string</code></td><td>Signing service name. Inferred as <code>lambda</code> for Lambda function URL hosts. <strong>Default</strong> <code>&quot;execute-api&quot;</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/SignOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SignOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SignOptions as default
};
