"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** This console's own address (the spec's server is "/"), known only in the browser. */
export function Origin({ suffix = "" }: { suffix?: string }) {
  const origin = useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => "",
  );
  return (
    <>
      {origin}
      {suffix}
    </>
  );
}
