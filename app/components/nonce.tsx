import { createContext, useContext } from "react";

// The CSP nonce of this response, given to <Scripts> and any other inline script. Empty in the browser.
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
