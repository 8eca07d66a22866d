// The examples a person can open from the toolbar; the first is what the playground opens on.
import golden from "../core/examples/golden-standard.yaml?raw";
import hardened from "../core/examples/hardened-app.yaml?raw";
import override from "../core/examples/override.yaml?raw";
import deployment from "../core/examples/deployment-with-sidecar.yaml?raw";

export interface Example {
  id: string;
  title: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: "golden-standard", title: "“Golden standard” pod (seed guide)", text: golden },
  { id: "hardened-app", title: "Hardened app with NET_BIND_SERVICE (seed Q&A)", text: hardened },
  { id: "override", title: "Container overrides pod: runAsUser 1000 vs 2000", text: override },
  { id: "deployment-sidecar", title: "Deployment with init + sidecar, and a CronJob", text: deployment },
];
