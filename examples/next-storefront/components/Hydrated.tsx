"use client";
import { useEffect } from "react";

/** Marks the page as hydrated (`<html data-hydrated>`), for the end-to-end test to wait on. */
export function Hydrated() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
