"""Words that name a role, a side or an event in one construction and must not misfire in
another ("tried an attack" is no trial, "a strike that kills" no work stoppage), on sentences
written for these tests, with the real model."""


def sides(events, role):
    return [(a.label, a.category) for e in events for a in e.actors(role)]


def test_tried_an_attack_is_no_trial(extract):
    events = extract("Militants tried an attack on the army base in Kunar on Monday.")
    assert events
    assert "State forces" not in [c for _, c in sides(events, "actor1")]
    assert "State forces" in [c for _, c in sides(events, "actor2")]


def test_a_strike_that_kills_or_is_a_nation_s_is_no_work_stoppage(extract):
    events = extract("The army launched a strike against militant hideouts in Zorbastan's north on "
                     "Monday, killing five militants.")
    assert events and not any(e.event_type == "peaceful-protest" for e in events)
    assert "State forces" in [c for _, c in sides(events, "actor1")]
    events = extract("A Turkish strike hit a house in Qamishli on Monday.")
    assert not any(e.event_type == "peaceful-protest" for e in events)
    # a labour strike with a date in its "on" phrase stays one
    events = extract("Nurses of the district hospital in Zorbatown launched a strike on Thursday.")
    assert any(e.event_type == "peaceful-protest" for e in events)


def test_a_plot_is_no_communal_cause(extract):
    events = extract("A policeman was shot dead in Quetta on Monday over the plot to kill the governor.")
    assert events and "Identity militia" not in [c for _, c in sides(events, "actor1")]
    events = extract("A man was shot dead over a land dispute in Mardan on Monday.")
    assert "Identity militia" in [c for _, c in sides(events, "actor1")]


def test_each_side_of_a_clash_keeps_its_own_name(extract):
    events = extract("ELN guerrillas and Colombian troops clashed near Arauca on Monday.")
    first = {label for label, _ in sides(events, "actor1")}
    second = {label for label, _ in sides(events, "actor2")}
    assert any("ELN" in label for label in first) and not any("ELN" in label for label in second)
    assert second


def test_it_is_the_group_that_says_it_did_it_not_a_victim_before(extract):
    events = extract("Gunmen attacked the offices of the Zorba Relief Fund in Kunduz on Monday. "
                     "It killed three staff.")
    assert events and not any("Zorba" in label for label, _ in sides(events, "actor1"))
    events = extract("A bomb exploded at a market in Kano on Monday, killing four people. Boko Haram "
                     "said it carried out the attack.")
    assert any("Boko Haram" in label for label, _ in sides(events, "actor1"))


def test_a_rebel_battalion_is_no_state_force(extract):
    events = extract("Rebels of the Zorba Martyrs Battalion clashed with government troops in "
                     "Benghazi on Monday.")
    assert events and "State forces" not in [c for label, c in sides(events, "actor1") if "Zorba" in label]


def test_praise_for_an_arrest_is_no_demand(extract):
    events = extract("Police were praised for the arrest of three suspects in Lahore on Monday.")
    assert any(e.event_type == "arrests" for e in events)
    events = extract("Villagers blocked the highway near Multan on Monday for the arrest of the killers "
                     "of a farmer.")
    assert not any(e.event_type == "arrests" for e in events)


def test_an_armed_contractor_is_no_civilian(extract):
    events = extract("A private security contractor shot dead two civilians in Baghdad on Monday.")
    assert events and "Civilians" not in [c for _, c in sides(events, "actor1")]
