import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { pickResources } from "@/app/i18n/resources";
import { PasteForm } from "@/app/studio/paste-form";

/**
 * The studio's paste form on a slow phone: the server's HTML is on screen
 * before the page's code has run. A tap on "Analyse" then would send the
 * browser's own form submission and throw the text away, and text pasted then
 * must not be replaced by an older copy saved on the device.
 */

const PASTE_KEY = "glose:studio:paste";

function Form() {
  return (
    <I18nProvider lng="en" resources={pickResources("en", ["studio", "errors"])}>
      <PasteForm lng="en" onCreated={() => undefined} />
    </I18nProvider>
  );
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = "";
  window.localStorage.clear();
});

/** The server's HTML in the page, as the browser shows it before hydration. */
function serverHtml(): HTMLElement {
  const container = document.createElement("div");
  container.innerHTML = renderToString(<Form />);
  document.body.append(container);
  return container;
}

function analyse(): HTMLButtonElement {
  return screen.getByRole("button", { name: "Analyse the text" });
}

it("cannot be sent before the page is ready, and can once it is", async () => {
  const container = serverHtml();
  expect(analyse()).toBeDisabled();
  await act(async () => {
    root = hydrateRoot(container, <Form />);
  });
  expect(analyse()).toBeEnabled();
});

it("keeps a text pasted while the page loaded, over an older copy saved on the device", async () => {
  window.localStorage.setItem(
    PASTE_KEY,
    JSON.stringify({
      title: "Un vieux titre",
      text: "Un vieux texte.",
      english: "",
      source: "",
      licence: "",
    }),
  );
  const container = serverHtml();
  (screen.getByLabelText("Title") as HTMLInputElement).value = "La bibliothèque prête des perceuses";
  (screen.getByLabelText("French text") as HTMLTextAreaElement).value = "On emprunte une perceuse.";
  await act(async () => {
    root = hydrateRoot(container, <Form />);
  });
  expect(screen.getByLabelText("Title")).toHaveValue("La bibliothèque prête des perceuses");
  expect(screen.getByLabelText("French text")).toHaveValue("On emprunte une perceuse.");
  // And it is what the form holds: it is kept on the device in its turn.
  expect(JSON.parse(window.localStorage.getItem(PASTE_KEY) ?? "{}")).toMatchObject({
    title: "La bibliothèque prête des perceuses",
    text: "On emprunte une perceuse.",
  });
});

it("brings back a text pasted and not analysed, when nothing was typed before the page was ready", async () => {
  window.localStorage.setItem(
    PASTE_KEY,
    JSON.stringify({ title: "Mon titre", text: "Mon texte.", english: "", source: "", licence: "" }),
  );
  render(<Form />);
  expect(await screen.findByDisplayValue("Mon titre")).toBeInTheDocument();
  expect(screen.getByLabelText("French text")).toHaveValue("Mon texte.");
  await userEvent.setup().type(screen.getByLabelText("Title"), " !");
  expect(JSON.parse(window.localStorage.getItem(PASTE_KEY) ?? "{}")).toMatchObject({ title: "Mon titre !" });
});
