// The container rules of ValidatePodSpec (kubernetes/kubernetes pkg/apis/core/validation/
// validation.go): containers are required, every container needs a DNS-1123 name unique across
// the pod and an image, and ephemeral containers may not carry the fields of a long-running
// container. The securityContext of each container is checked in between, in upstream's order
// (validateContainerCommon calls ValidateSecurityContext).

import { get, isMap, type YMap } from "../yaml/access";
import { child, type Ctx } from "./findings";
import { MaxLenError, RegexError } from "./format";
import { APIMACHINERY_VALIDATION, duplicate, forbidden, invalid, notFound, required, src } from "./rules";
import { checkContainerSecurityContext, type PodFacts } from "./securityContext";

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*$`);

/** apimachinery IsDNS1123Label. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(MaxLenError(63));
  if (!DNS1123_LABEL.test(value)) {
    if (DNS1123_SUBDOMAIN.test(value)) errs.push("must not contain dots");
    else {
      errs.push(
        RegexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          "my-name",
          "123-abc",
        ),
      );
    }
  }
  return errs;
}

type Item = { c: YMap; path: string; name: string | undefined };

/** The items of a container list that decode: objects, and null (an empty container). */
function items(ctx: Ctx, spec: YMap, list: string): Item[] {
  const arr = get(spec, list);
  if (!Array.isArray(arr)) return [];
  const out: Item[] = [];
  arr.forEach((c, i) => {
    if (c !== null && !isMap(c)) return;
    const m: YMap = c ?? {};
    const raw = get(m, "name");
    // A name of another type fails decoding upstream: no name rules then (undefined).
    const name = raw === undefined || raw === null ? "" : typeof raw === "string" ? raw : undefined;
    out.push({ c: m, path: child(child(ctx.specPath, list), i), name });
  });
  return out;
}

/** validateContainerCommon: name, image, then the securityContext. */
function checkCommon(ctx: Ctx, it: Item, pod: PodFacts): void {
  const source = src("validateContainerCommon");
  const namePath = child(it.path, "name");
  if (it.name === "") required(ctx, { msgPath: namePath, rel: get(it.c, "name") === undefined || get(it.c, "name") === null ? it.path : namePath }, "", source);
  else if (it.name !== undefined) {
    for (const msg of isDNS1123Label(it.name)) invalid(ctx, { msgPath: namePath }, it.name, msg, `${source}; ${APIMACHINERY_VALIDATION} (IsDNS1123Label)`);
  }
  const image = get(it.c, "image");
  if (image === undefined || image === null || image === "") {
    const imagePath = child(it.path, "image");
    required(ctx, { msgPath: imagePath, rel: image === "" ? imagePath : it.path }, "", source);
  }
  checkContainerSecurityContext(ctx, it.c, it.path, pod);
}

/** Fields of EphemeralContainerCommon outside allowedEphemeralContainerFields that are long-standing. */
const NOT_FOR_EPHEMERAL = ["ports", "resources", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"];

/** Set as validateFieldAllowList sees it: not the Go zero value. */
function isNonZero(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (isMap(v)) return Object.keys(v).some((k) => get(v, k) !== null && get(v, k) !== undefined);
  return true;
}

export function checkContainers(ctx: Ctx, pod: PodFacts): void {
  const spec = pod.spec;
  const containersRaw = get(spec, "containers");
  const regular = items(ctx, spec, "containers");
  const init = items(ctx, spec, "initContainers");
  const ephemeral = items(ctx, spec, "ephemeralContainers");

  // validateContainers
  if (containersRaw === undefined || containersRaw === null || (Array.isArray(containersRaw) && containersRaw.length === 0)) {
    const p = child(ctx.specPath, "containers");
    required(ctx, { msgPath: p, rel: Array.isArray(containersRaw) ? p : ctx.specPath, at: Array.isArray(containersRaw) ? "value" : "key" }, "", src("validateContainers"));
  }
  const names = new Set<string>();
  for (const it of regular) {
    checkCommon(ctx, it, pod);
    if (it.name === undefined) continue;
    if (names.has(it.name)) duplicate(ctx, { msgPath: child(it.path, "name") }, it.name, src("validateContainers"));
    else names.add(it.name);
  }

  // validateInitContainers: unique among regular and init containers.
  const all = new Set<string>(regular.map((it) => it.name).filter((n): n is string => n !== undefined));
  for (const it of init) {
    checkCommon(ctx, it, pod);
    if (it.name === undefined) continue;
    if (all.has(it.name)) duplicate(ctx, { msgPath: child(it.path, "name") }, it.name, src("validateInitContainers"));
    else if (it.name.length > 0) all.add(it.name);
  }

  // validateEphemeralContainers: unique among all containers; the target must be a non-ephemeral one.
  if (ephemeral.length === 0) return;
  const others = new Set<string>([...regular, ...init].map((it) => it.name).filter((n): n is string => n !== undefined));
  const every = new Set<string>(others);
  const source = src("validateEphemeralContainers");
  for (const it of ephemeral) {
    checkCommon(ctx, it, pod);
    if (it.name !== undefined) {
      if (every.has(it.name)) duplicate(ctx, { msgPath: child(it.path, "name") }, it.name, source);
      else every.add(it.name);
    }
    const target = get(it.c, "targetContainerName");
    if (typeof target === "string" && target !== "" && !others.has(target)) notFound(ctx, { msgPath: child(it.path, "targetContainerName") }, target, source);
    for (const f of NOT_FOR_EPHEMERAL) {
      if (isNonZero(get(it.c, f))) forbidden(ctx, { msgPath: child(it.path, f) }, "cannot be set for an Ephemeral Container", `${source} (validateFieldAllowList, allowedEphemeralContainerFields)`);
    }
  }
  if (ctx.kind === "Pod") {
    // ValidatePodCreate: ephemeral containers are added later through the ephemeralcontainers
    // subresource. An update of an existing pod (kubectl apply on a `get -o yaml` dump) keeps them.
    forbidden(ctx, { msgPath: child(ctx.specPath, "ephemeralContainers") }, "cannot be set on create", src("ValidatePodCreate"), "warning");
  }
}
