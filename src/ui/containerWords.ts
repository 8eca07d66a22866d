import type { ContainerType } from "../core/types";

/** Container kinds in plain words. */
export const CONTAINER_WORDS: Record<ContainerType, string> = {
  regular: "app container",
  init: "init container",
  sidecar: "sidecar",
  ephemeral: "debug container",
};
