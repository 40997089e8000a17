/**
 * The commander console in the browser: its static files (and Leaflet from its WebJar), the live
 * WebSocket feed fed by the same fan-out as the gRPC streams, the alert log a commander acknowledges,
 * and a JSON bridge to the unary gRPC methods it needs, all behind the same bearer tokens and roles.
 */
package org.skyfleet.app.console;
