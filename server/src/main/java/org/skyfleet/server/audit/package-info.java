/** The audit journal over gRPC, and its command-line reader and verifier. */
package org.skyfleet.server.audit;
