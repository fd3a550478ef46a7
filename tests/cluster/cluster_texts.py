"""Fictional articles written for these tests (no real events, places or people)."""

from __future__ import annotations

from wiretrace.cluster import ClusterItem

BRIDGE = (
    "VARNHOLM — The old Kettle Street bridge in Varnholm collapsed into the Ossel river on "
    "Tuesday morning, sending two delivery vans into the water, the city fire service said. "
    "Rescue divers pulled four people from the river, and all of them were taken to the Saint "
    "Brannoc hospital with minor injuries, fire chief Maren Tollvik told reporters at the scene. "
    "The steel bridge, built in 1911, had been closed to heavy traffic since March after "
    "inspectors found corrosion on two of its main girders. Mayor Edda Quill said the city would "
    "open an independent inquiry into why the bridge remained open to vans. Residents of the "
    "Lower Quay district said they had complained about cracks in the deck for more than a year. "
    "Engineers from the regional transport office will examine the wreck on Wednesday, and the "
    "river will stay closed to boats until the remains of the span are lifted out. Traffic is "
    "being diverted over the Harrow crossing, which adds about twenty minutes to trips across "
    "town, the transport office said in a statement."
)
BRIDGE_SUMMARY = (
    "Key points: a 1911 steel bridge on Kettle Street in Varnholm fell into the Ossel, taking "
    "two vans with it. Divers rescued four people, who are in Saint Brannoc hospital. Mayor Edda "
    "Quill promised an inquiry; Maren Tollvik led the rescue. Corrosion had been found in March."
)
QUAKE_A = (
    "A magnitude 6.1 earthquake struck the mountain province of Teskaria early on Sunday, "
    "damaging more than 300 homes in the town of Belluvar and killing at least 12 people, the "
    "Teskarian emergency agency said. The quake hit at 4:12 a.m. at a depth of 10 kilometres, "
    "about 25 kilometres north of Belluvar. Governor Ansel Droum declared a state of emergency "
    "and asked for army tents for families whose houses were destroyed. Aftershocks of up to "
    "magnitude 4.8 rattled the valley through the morning, and landslides blocked the Corvin "
    "pass road. Rescue teams from Ostrava Vale searched collapsed buildings in Belluvar's old "
    "market quarter."
)
QUAKE_B = (
    "A strong earthquake of magnitude 5.4 shook the coastal region of Lunmarsh on Thursday "
    "evening, injuring 40 people in the port city of Saltreve, officials said. The earthquake "
    "struck at 7:45 p.m. at a depth of 33 kilometres under the Gray Sound, according to the "
    "Lunmarsh seismic observatory. Harbour master Idris Penwold said cranes at the container "
    "terminal were stopped and checked for damage. Several old warehouses near the Saltreve "
    "docks were damaged, and power failed in the Tidewater district for three hours. No tsunami "
    "warning was issued, the observatory said."
)
UNRELATED = (
    "The Greywater Chess Society crowned a new champion on Saturday after a tense final round "
    "at the public library. Sixteen-year-old Pell Avory beat the defending champion, Corin "
    "Halvard, in a long endgame with rook and bishop against rook. The society, founded by "
    "retired teachers, meets every Wednesday evening and runs free lessons for children. Its "
    "treasurer said membership had doubled since the library opened a quiet games room, and the "
    "club hopes to host the regional youth tournament next spring."
)
BOILER = " Leave a Reply. Your email address will not be published. Required fields are marked."


def bridge_items() -> list[ClusterItem]:
    words = BRIDGE.split()
    trimmed = " ".join(words[: int(len(words) * 0.6)])
    return [
        ClusterItem(10, BRIDGE, "Kettle Street bridge collapses in Varnholm", "2031-05-06"),
        ClusterItem(11, "By Northwire. " + BRIDGE + BOILER, None, "2031-05-06"),
        ClusterItem(12, trimmed, "Bridge falls into the Ossel", "2031-05-07"),
        ClusterItem(13, BRIDGE_SUMMARY, "Varnholm bridge collapse: what we know", "2031-05-07"),
        ClusterItem(20, QUAKE_A, "Deadly quake hits Teskaria", "2031-02-02"),
        ClusterItem(21, QUAKE_B, "Quake injures 40 in Saltreve", "2031-08-14"),
        ClusterItem(30, UNRELATED, "New chess champion in Greywater", "2031-05-06"),
    ]
