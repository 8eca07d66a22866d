// monaco-yaml's language worker, bundled by Vite (no CDN).
import "monaco-yaml/yaml.worker.js";
