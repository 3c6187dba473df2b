// Written by scripts/build-client.mjs (npm run build:client); do not edit. The client assets'
// served names carry a hash of their content, so they can be cached for good.
export const BUILT_ASSET = {
  extension: "/_edgelit/edgelit.1b1b9992fa.js",
  stylesheet: "/_edgelit/edgelit.0cc98f07b1.css",
  icon: "/_edgelit/icon.ce61980ce7.svg",
  boot: "/_edgelit/boot.49208ec312.js",
} as const;
