// followup-lint for VS Code: starts `followup-lint --lsp` and connects it to
// the documents whose language is listed in `followupLint.languages`.
import * as vscode from "vscode";
import {
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
  vsdiag,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

function settings() {
  const cfg = vscode.workspace.getConfiguration("followupLint");
  return {
    command: cfg.get<string>("serverPath", "followup-lint") || "followup-lint",
    args: cfg.get<string[]>("extraArgs", []),
    languages: cfg.get<string[]>("languages", ["followup-draft"]),
  };
}

function wanted(document: vscode.TextDocument): boolean {
  return settings().languages.includes(document.languageId);
}

async function start(): Promise<void> {
  const { command, args, languages } = settings();
  const serverOptions: ServerOptions = {
    command,
    args: ["--lsp", ...args],
    transport: TransportKind.stdio,
  };
  const documentSelector: DocumentSelector = languages.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // The server pushes diagnostics (publishDiagnostics) on every change and
    // after a config reload. It also answers pull requests, and this client
    // would pull into a second collection, showing every finding twice: so
    // pulls are not sent, and answered here with an empty report.
    diagnosticPullOptions: { onChange: false, onSave: false, filter: () => true },
    middleware: {
      provideDiagnostics: () => ({ kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] }),
    },
  };
  client = new LanguageClient("followupLint", "followup-lint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    void vscode.window.showErrorMessage(
      `followup-lint: cannot start '${command} --lsp' (${String(error)}). ` +
        "Install followup-lint or set followupLint.serverPath.",
    );
  }
}

// Starts the server the first time a document it should lint is open.
function ensureStarted(): Promise<void> {
  if (!starting && vscode.workspace.textDocuments.some(wanted)) starting = start();
  return starting ?? Promise.resolve();
}

async function restart(): Promise<void> {
  const old = client;
  client = undefined;
  starting = undefined;
  if (old) await old.stop();
  await ensureStarted();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("followupLint.restart", restart),
    vscode.workspace.onDidOpenTextDocument(() => void ensureStarted()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("followupLint")) void restart();
    }),
  );
  await ensureStarted();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
