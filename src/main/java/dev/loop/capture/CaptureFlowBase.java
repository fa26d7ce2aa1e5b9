package dev.loop.capture;

import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;

/**
 * What every capture flow works with, taken from the {@link CaptureContext} in one place instead of copied field by
 * field in each flow: Loop's services and configuration, the issue actions, the store and the views.
 */
abstract class CaptureFlowBase {

    final Services services;
    final Config config;
    final IssueActions actions;
    final IssueStore store;
    final IssueViews views;

    CaptureFlowBase(CaptureContext context) {
        this.services = context.services();
        this.config = context.services().config();
        this.actions = context.actions();
        this.store = context.store();
        this.views = context.actions().views();
    }
}
