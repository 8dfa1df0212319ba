// The example service's generated client and hooks in a real browser (BrowserClientTests): each step is a
// component using one generated hook; it reports one line, and the next step starts once it is done.
// The DOM ends with <p id="done"> when every step ran, the lines saying what each one saw.
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, createClient } from "../../../specs/example/generated/typescript/client";
import type { ApiClient } from "../../../specs/example/generated/typescript/client";
import {
  ApiProvider,
  useCreateProduct,
  useDeleteProduct,
  useGetProduct,
  useListProducts,
  useLogin,
  useMe,
  useRevenueReport,
  useUpdateProduct,
} from "../../../specs/example/generated/typescript/hooks";
import type { Product } from "../../../specs/example/generated/typescript/types";

declare const ADMIN_EMAIL: string;
declare const ADMIN_PASSWORD: string;

type Report = (line: string, product?: Product) => void;
type Step = (props: { report: Report; product: Product | undefined }) => JSX.Element | null;

function describe(error: unknown): string {
  return error instanceof ApiError
    ? `ApiError status=${error.status} code=${error.code} feature=${error.feature ?? "-"} fields=${error.fieldErrors.map((e) => e.field).join(",")} trace=${error.traceId ? "yes" : "no"}`
    : `Error ${String(error)}`;
}

/** Runs `action` once when the step mounts, reporting what it answers or throws. */
function useOnce(action: () => Promise<string | [string, Product]>, report: Report): void {
  useEffect(() => {
    action().then(
      (result) => (typeof result === "string" ? report(result) : report(result[0], result[1])),
      (error: unknown) => report("FAILED " + describe(error)),
    );
    // Each step runs exactly once, when it mounts.
  }, []);
}

const Login: Step = ({ report }) => {
  const login = useLogin();
  useOnce(async () => {
    const token = await login.run({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    localStorage.setItem("authToken", token.accessToken);
    return `login tokenType=${token.tokenType} expires=${token.expiresIn > 0}`;
  }, report);
  return null;
};

const Create: Step = ({ report }) => {
  const create = useCreateProduct();
  useOnce(async () => {
    const product = await create.run({ sku: "WEB-" + Date.now(), name: "Browser mug", priceCents: 1250, title: "Mug", weightKg: 0.4 });
    return [`created id=${product.id} priceCents=${product.priceCents} status=${product.status} inStock=${product.inStock}`, product];
  }, report);
  return null;
};

const List: Step = ({ report, product }) => {
  const list = useListProducts({ sort: ["-createdAt"], status: "draft", limit: 20 });
  useEffect(() => {
    if (list.data) report(`listed total=${list.data.total} limit=${list.data.limit} hasNew=${list.data.items.some((item) => item.id === product?.id)}`);
    if (list.error) report("FAILED list " + describe(list.error));
  }, [list.data, list.error]);
  return list.loading ? <p>loading the list…</p> : null;
};

const Update: Step = ({ report, product }) => {
  const update = useUpdateProduct();
  useOnce(async () => {
    const changed = await update.run(product!.id, { priceCents: 1999, notes: "glazed", weightKg: null });
    return [`updated priceCents=${changed.priceCents} notes=${changed.notes} weightKg=${changed.weightKg}`, changed];
  }, report);
  return null;
};

const Get: Step = ({ report, product }) => {
  const got = useGetProduct(product!.id);
  useEffect(() => {
    if (got.data) report(`got priceCents=${got.data.priceCents} categoryId=${got.data.categoryId}`);
    if (got.error) report("FAILED get " + describe(got.error));
  }, [got.data, got.error]);
  return null;
};

const Invalid: Step = ({ report }) => {
  const create = useCreateProduct();
  useOnce(async () => {
    try {
      await create.run({ sku: "", name: "Bad", priceCents: -1, title: "Bad" });
      return "FAILED an invalid product was created";
    } catch (error) {
      return `invalid ${describe(error)}`;
    }
  }, report);
  return null;
};

const Delete: Step = ({ report, product }) => {
  const remove = useDeleteProduct();
  useOnce(async () => {
    await remove.run(product!.id);
    return "deleted";
  }, report);
  return null;
};

const Gone: Step = ({ report, product }) => {
  const got = useGetProduct(product!.id);
  useEffect(() => {
    if (got.error) report(`gone ${describe(got.error)}`);
    if (got.data) report("FAILED the deleted product is still there");
  }, [got.data, got.error]);
  return null;
};

const Unlicensed: Step = ({ report }) => {
  const revenue = useRevenueReport(2026, { from: "2026-01-01" });
  useEffect(() => {
    if (revenue.error) report(`unlicensed ${describe(revenue.error)}`);
    if (revenue.data) report("FAILED an unlicensed report was served");
  }, [revenue.data, revenue.error]);
  return null;
};

/** A client of its own, whose onUnauthorized is watched; the token in localStorage is one the service refuses. */
const Unauthorized: Step = ({ report }) => {
  const [client] = useState<ApiClient>(() => {
    localStorage.setItem("authToken", "not-a-valid-token");
    return createClient({ onUnauthorized: () => report(`onUnauthorized called tokenDropped=${localStorage.getItem("authToken") === null}`) });
  });
  return (
    <ApiProvider client={client}>
      <Me report={report} product={undefined} />
    </ApiProvider>
  );
};

const Me: Step = ({ report }) => {
  const me = useMe();
  useEffect(() => {
    if (me.error) report(`me ${describe(me.error)}`);
  }, [me.error]);
  return null;
};

const steps: Step[] = [Login, Create, List, Update, Get, Invalid, Delete, Gone, Unlicensed, Unauthorized];
/** Lines each step reports before the next starts (Unauthorized reports the callback and the error). */
const linesPerStep = new Map<Step, number>([[Unauthorized, 2]]);

function App(): JSX.Element {
  // Everything but the 401 step uses a client with the defaults: REACT_APP_API_URL, localStorage `authToken`.
  const [client] = useState(() => createClient({ onUnauthorized: () => setLines((lines) => [...lines, "FAILED unexpected 401"]) }));
  const [lines, setLines] = useState<string[]>([]);
  const [index, setIndex] = useState(0);
  const [stepLines, setStepLines] = useState(0);
  const [product, setProduct] = useState<Product | undefined>(undefined);
  const failed = lines.some((line) => line.startsWith("FAILED"));
  const Current = index < steps.length && !failed ? steps[index] : undefined;
  const report: Report = (line, changed) => {
    setLines((previous) => [...previous, line]);
    if (changed) setProduct(changed);
    setStepLines((count) => count + 1);
  };
  useEffect(() => {
    if (Current && stepLines >= (linesPerStep.get(Current) ?? 1)) {
      setIndex((value) => value + 1);
      setStepLines(0);
    }
  }, [stepLines]);
  return (
    <ApiProvider client={client}>
      <ol id="log">
        {lines.map((line, number) => (
          <li key={number} className={line.startsWith("FAILED") ? "failed" : "ok"}>{line}</li>
        ))}
      </ol>
      {Current ? <Current key={index} report={report} product={product} /> : <p id={failed ? "failed" : "done"}>{failed ? "failed" : "done"}</p>}
    </ApiProvider>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
