// What applies to a Windows container's process instead of Linux /proc/1/status: the user it runs
// as (windowsOptions.runAsUserName, else the image's USER) and whether it is a HostProcess
// container. The facts come from the core (Container.windows); nothing is decided here.
import type { WindowsProcessInfo } from "../../core/types";

const FROM = { container: "the container's windowsOptions", pod: "the pod's windowsOptions", image: "the image's USER" } as const;

export function WindowsProcess({ info }: { info: WindowsProcessInfo }) {
  return (
    <section className="proc" aria-label="Windows process" data-testid="windows-process">
      <h3>
        Windows process <span className="muted">no Linux /proc/1/status applies</span>
      </h3>
      <dl className="proc-extra">
        <dt>User</dt>
        <dd>
          <code>{info.userName ?? "(the image's default user)"}</code> <span className="muted">from {FROM[info.userSource]}</span>
          {info.administrator && <div className="risk-note">ContainerAdministrator: the Windows kubelet treats it as root</div>}
        </dd>
        <dt>HostProcess</dt>
        <dd>{info.hostProcess ? "yes — runs on the host, with the host's network" : "no — an isolated Windows container"}</dd>
      </dl>
    </section>
  );
}
