/** Whether the device has a network, and when that changes. */
export interface Connectivity {
  isOnline(): boolean;
  subscribe(onChange: (isOnline: boolean) => void): () => void;
}

/** The browser's view: navigator.onLine and the window's online/offline events. */
export const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  subscribe(onChange) {
    const onOnline = () => onChange(true);
    const onOffline = () => onChange(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  },
};

/** A network switched by hand, for tests of what happens as it comes and goes. */
export function switchableConnectivity(initiallyOnline: boolean) {
  let isOnline = initiallyOnline;
  const listeners = new Set<(isOnline: boolean) => void>();
  const connectivity: Connectivity = {
    isOnline: () => isOnline,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return {
    connectivity,
    set(next: boolean) {
      isOnline = next;
      for (const listener of listeners) listener(next);
    },
  };
}
