package org.skyfleet.bench;

/**
 * What one benchmark run measured.
 *
 * @param detectionS         simulated seconds to the first confirmed person track within 100 m of the subject,
 *                           -1 when none within the cap
 * @param arrivalS           seconds until the dispatched officer was within 15 m of the subject, -1 when not
 * @param falseConfirmed     confirmed person tracks the response rule would act on (≤ 3 m/s) that were more
 *                           than 100 m from the subject when judged
 * @param flightS            drone flight time summed over the drones, seconds
 * @param trackErrorSumM     Σ distance of a confirmed track to the subject, at each update by a subject sighting
 * @param trackErrorCount    how many such updates
 * @param rawErrorSumM       Σ distance of the subject's raw sightings to the subject
 * @param rawErrorCount      how many raw subject sightings
 * @param modelPos           the map's own tally of the flights: probability that they found the subject, by
 *                           Koopman's detection model with the sweep widths the map uses, over the time flown
 * @param secondLooks        times a drone turned back for a second look ({@link org.skyfleet.server.automation.SecondLookRule})
 */
public record TrialOutcome(int detectionS, int arrivalS, int falseConfirmed, double flightS, double trackErrorSumM,
                           int trackErrorCount, double rawErrorSumM, int rawErrorCount, double modelPos,
                           int secondLooks) {}
