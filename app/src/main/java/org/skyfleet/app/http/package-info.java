/** The node's HTTP endpoint on Netty: Prometheus metrics, health, the webhook and the console. */
package org.skyfleet.app.http;
