// The seed guide's "golden standard" pod as Pod Security input, shared by the PSS tests.
import type { PssInput } from "./index.ts";

export const golden: PssInput = {
  spec: {
    securityContext: { fsGroup: 2000, runAsUser: 1000, runAsGroup: 3000 },
    containers: [
      {
        name: "my-app",
        image: "my-app:v1",
        securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
      },
    ],
  },
};
