package dev.tracelane.tools.eta;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code tracelane.eta.*}: the ETA predictor's rules and thresholds. */
@ConfigurationProperties("tracelane.eta")
public class EtaSettings {
    private String restRules = "us";
    private double circuity = 1.25;
    private double defaultSpeed = 22;
    private double pauseShare = 0.08;
    private double laneBlend = 1;
    private double paceSpread = 0.08;
    private double lateProbability = 0.8;
    private double lateClearProbability = 0.5;
    private Duration latePersistence = Duration.ofHours(1);
    private Duration lateGuessDriving = Duration.ofHours(2);
    private Duration publishMove = Duration.ofMinutes(2);
    private Duration storeEvery = Duration.ofMinutes(5);
    private Duration recomputeEvery = Duration.ofSeconds(30);

    /** {@code us} (hours of service), {@code eu} (561/2006) or {@code none}. */
    public void setRestRules(String restRules) {
        RestRules.preset(restRules); // fails at start-up on a name it does not know
        this.restRules = restRules;
    }

    public RestRules rules() {
        return RestRules.preset(restRules);
    }

    /** Road metres per straight-line metre on a lane with no planned route and no history. */
    public double circuity() {
        return circuity;
    }

    public void setCircuity(double circuity) {
        this.circuity = circuity;
    }

    /** Driving speed (m/s) assumed before the truck or its lane has shown one. */
    public double defaultSpeed() {
        return defaultSpeed;
    }

    public void setDefaultSpeed(double defaultSpeed) {
        this.defaultSpeed = defaultSpeed;
    }

    /** Seconds of short stops per driving second on a lane without history. */
    public double pauseShare() {
        return pauseShare;
    }

    public void setPauseShare(double pauseShare) {
        this.pauseShare = pauseShare;
    }

    /**
     * How much drivers' paces differ from trip to trip (standard deviation of the log pace), assumed on a lane
     * with too few delivered trips to show its own.
     */
    public double paceSpread() {
        return paceSpread;
    }

    public void setPaceSpread(double paceSpread) {
        this.paceSpread = paceSpread;
    }

    /**
     * The weight of the lane's past trips beside the drives at departure (0-1); it falls with the square of the
     * road left.
     */
    public double laneBlend() {
        return laneBlend;
    }

    public void setLaneBlend(double laneBlend) {
        if (laneBlend < 0 || laneBlend > 1) {
            throw new IllegalArgumentException("lane-blend must be within 0..1, not " + laneBlend);
        }
        this.laneBlend = laneBlend;
    }

    /** Probability of missing the promised window above which a predicted_late alert opens. */
    public double lateProbability() {
        return lateProbability;
    }

    public void setLateProbability(double lateProbability) {
        this.lateProbability = lateProbability;
    }

    /** Below this the alert clears: the gap keeps it from flapping. */
    public double lateClearProbability() {
        return lateClearProbability;
    }

    public void setLateClearProbability(double lateClearProbability) {
        this.lateClearProbability = lateClearProbability;
    }

    /** How long the late probability must stay above the threshold before the alert opens. */
    public Duration latePersistence() {
        return latePersistence;
    }

    public void setLatePersistence(Duration latePersistence) {
        this.latePersistence = latePersistence;
    }

    /**
     * On a lane whose paces are not learned yet, how long the truck must have driven before a predicted_late
     * alert may begin to persist: until then the forecast rests on a typical speed and road factor.
     */
    public Duration lateGuessDriving() {
        return lateGuessDriving;
    }

    public void setLateGuessDriving(Duration lateGuessDriving) {
        this.lateGuessDriving = lateGuessDriving;
    }

    /** A live update goes out when the ETA moves at least this much. */
    public Duration publishMove() {
        return publishMove;
    }

    public void setPublishMove(Duration publishMove) {
        this.publishMove = publishMove;
    }

    /** The estimate is stored at least this often in event time, for restarts and other instances. */
    public Duration storeEvery() {
        return storeEvery;
    }

    public void setStoreEvery(Duration storeEvery) {
        this.storeEvery = storeEvery;
    }

    /** Readings closer than this in event time reuse the last estimate. */
    public Duration recomputeEvery() {
        return recomputeEvery;
    }

    public void setRecomputeEvery(Duration recomputeEvery) {
        this.recomputeEvery = recomputeEvery;
    }
}
