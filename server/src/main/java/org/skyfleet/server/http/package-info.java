/** The server's HTTP side on Netty: Prometheus metrics and a health check. */
package org.skyfleet.server.http;
