package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature adds to the top bar of every signed-in screen (a Spring bean). The frame that draws the top bar
 * asks each for a new component; it need not know the features, which may in turn link to screens of its own feature.
 */
public interface TopBarPart {

    /** A new component for one top bar (one per browser tab). */
    Component create();
}
