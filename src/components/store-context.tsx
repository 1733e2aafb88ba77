import { createContext, useContext } from 'react';

/**
 * A React context for a store (or a bundle of them) made by a factory: zustand's "initialize
 * state with props" pattern, so one view can be given the stores of any connection.
 */
export function createStoreContext<T>(name: string) {
  const Context = createContext<T | null>(null);
  Context.displayName = name;
  function useStoreContext(): T {
    const value = useContext(Context);
    if (value === null) throw new Error(`${name} is missing: render the view inside its provider.`);
    return value;
  }
  return { Provider: Context.Provider, use: useStoreContext };
}
