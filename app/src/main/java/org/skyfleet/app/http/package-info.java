/** The node's HTTP endpoint on Netty: Prometheus metrics, health, the webhook and the console, and the limits it holds clients to. */
package org.skyfleet.app.http;
