"""How news tells an endorsement, on sentences written for these tests (never copied from news)."""

import pytest

from ..conftest import plain

ASSERTED = [
    # support for a candidate is an endorsement when the passage around it is about a race
    ("Nadia Ferro is running for mayor of Eastport. The Eastport Teachers Union is supporting her.",
     {("Eastport Teachers Union", "endorses", "Nadia Ferro")}),
    ("Tomas Brandt leads the race for governor. He has the support of Mayor Ilse Kron, who praised his budget plans.",
     {("Ilse Kron", "endorses", "Tomas Brandt")}),
    ("The Harbor Nurses Guild is supporting Dana Whitfield for mayor.",
     {("Harbor Nurses Guild", "endorses", "Dana Whitfield")}),
    # a newspaper's editorial board speaks for the newspaper
    ("The Valley Courier's Editorial Board announced Monday that the newspaper is backing Ana Ruiz for governor.",
     {("Valley Courier", "endorses", "Ana Ruiz")}),
    ("The Lakeside Gazette Editorial Board endorsed Ben Okoro in the mayoral race.",
     {("Lakeside Gazette", "endorses", "Ben Okoro")}),
    # organisations: their whole names, title-like words included, determiners and "pro-X" left out
    ("Ana Ruiz, backed by the pro-Western Liberal Party, won a third of the vote in the presidential race.",
     {("Liberal Party", "endorses", "Ana Ruiz")}),
    ("The Green Party endorsed Ana Ruiz for mayor.", {("Green Party", "endorses", "Ana Ruiz")}),
    ("The Daily Clarion endorsed the Labour party in the general election.",
     {("Daily Clarion", "endorses", "Labour party")}),
    ("The Brick Workers union endorsed Ana Ruiz for governor.", {("Brick Workers", "endorses", "Ana Ruiz")}),
    ("Ana Ruiz won the backing of the American Federation of Clerks, Porters, and Rail Employees in the primary.",
     {("American Federation of Clerks, Porters, and Rail Employees", "endorses", "Ana Ruiz")}),
    # backing told by a verb and a preposition, in a race
    ("Senator Ana Ruiz sided with Ben Okoro in the primary.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz rallied behind Ben Okoro after the first round.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz got behind Ben Okoro in the runoff.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz campaigned for Ben Okoro ahead of the primary.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz came out in support of Ben Okoro in the mayoral race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Governor Ana Ruiz threw her weight behind Ben Okoro in the Senate race.",
     {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Mayor Ana Ruiz threw her support around Ben Okoro, the party's nominee for governor.",
     {("Ana Ruiz", "endorses", "Ben Okoro")}),
    # a candidacy stands for its candidate
    ("Ana Ruiz endorsed Ben Okoro's bid for governor.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("The Harbor Teachers Union backs the candidacy of Ben Okoro in the mayoral race.",
     {("Harbor Teachers Union", "endorses", "Ben Okoro")}),
    # endorsers named apart from the verb
    ("Among those who endorsed Ben Okoro were Senator Ana Ruiz and Mayor Carl Lind.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro")}),
    ("Ana Ruiz is among the Democrats who have endorsed Ben Okoro.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ben Okoro got the nod from the Harbor Teachers Union in the mayoral race.",
     {("Harbor Teachers Union", "endorses", "Ben Okoro")}),
    ("Ben Okoro has the support of several groups in the race, including the Harbor Teachers Union and the "
     "Dock Workers Guild.",
     {("Harbor Teachers Union", "endorses", "Ben Okoro"), ("Dock Workers Guild", "endorses", "Ben Okoro")}),
    # a one-word name the model takes for a place is, when endorsed, a candidate
    ("Okoro has been endorsed by Governor Ana Ruiz, Mayor Carl Lind and the Harbor Teachers Union.",
     {("Ana Ruiz", "endorses", "Okoro"), ("Carl Lind", "endorses", "Okoro"), ("Harbor Teachers Union", "endorses", "Okoro")}),
    # "it" is the organisation that governs it or leads the sentence before
    ("The Harbor Teachers Union announced Monday that it is endorsing Ben Okoro in the mayoral race.",
     {("Harbor Teachers Union", "endorses", "Ben Okoro")}),
    ("The Harbor Teachers Union on Tuesday endorsed Ben Okoro for mayor. It also backed Carla Diaz for city council.",
     {("Harbor Teachers Union", "endorses", "Ben Okoro"), ("Harbor Teachers Union", "endorses", "Carla Diaz")}),
    # a description of the endorser with its name in apposition; "whose" endorsement; a shared owner
    ("Another statewide union, the Harbor Nurses Association, endorsed Democratic candidate Ana Ruiz.",
     {("Harbor Nurses Association", "endorses", "Ana Ruiz")}),
    ("Carla Diaz, whose early endorsement of Ben Okoro caused a stir, still stands by him in the mayoral race.",
     {("Carla Diaz", "endorses", "Ben Okoro")}),
    ("Senator Ana Ruiz gave her concession speech and endorsement of Ben Okoro in the primary.",
     {("Ana Ruiz", "endorses", "Ben Okoro")}),
    # one endorser taking back support leaves the others' standing
    ("Senator Ana Ruiz retracted her endorsement of Ben Okoro in the House race on Friday. "
     "Okoro thanked Ruiz and Mayor Mia Chen for their support.", {("Mia Chen", "endorses", "Ben Okoro")}),
    # a slate: the act with no named candidate, then the list of those endorsed ("include" lists, one name a segment)
    ("The Harbor Valley Labor Council, a coalition of 40 unions, agreed on Tuesday to endorse a slate of candidates. "
     "Candidates endorsed in Eastport include Mayor Nadia Ferro for re-election, Tom Brandt for an at-large council seat, "
     "and Ward 2 Councilor Ilse Kron for re-election.",
     {("Harbor Valley Labor Council", "endorses", n) for n in ("Nadia Ferro", "Tom Brandt", "Ilse Kron")}),
    ("On Tuesday night the Harbor Valley Labor Council backed a slate of five candidates. "
     "Tom Brandt was the lone candidate endorsed for Westport City Council.",
     {("Harbor Valley Labor Council", "endorses", "Tom Brandt")}),
    ("The Harbor Valley Labor Council released its endorsements on Monday. "
     "Its endorsed candidates include Nadia Ferro for mayor and Tom Brandt for council.",
     {("Harbor Valley Labor Council", "endorses", "Nadia Ferro"), ("Harbor Valley Labor Council", "endorses", "Tom Brandt")}),
    ("The Harbor Union's endorsements include Nadia Ferro for mayor, Tom Brandt for council and Ilse Kron for clerk.",
     {("Harbor Union", "endorses", n) for n in ("Nadia Ferro", "Tom Brandt", "Ilse Kron")}),
    # a quantity of endorsements, the endorsers after "including" (on the noun or the verb)
    ("Ana Ruiz collected a raft of endorsements in the Senate primary, including from Senator Carl Lind.",
     {("Carl Lind", "endorses", "Ana Ruiz")}),
    ("Ana Ruiz picked up a string of endorsements in the mayoral race, including the Harbor Union and Mayor Carl Lind.",
     {("Harbor Union", "endorses", "Ana Ruiz"), ("Carl Lind", "endorses", "Ana Ruiz")}),
    # "with Y's endorsement" hung on the office the candidate won the primary for
    ("Ana Ruiz won the Republican primary for governor with Carl Lind's endorsement, narrowly defeating Ben Okoro.",
     {("Carl Lind", "endorses", "Ana Ruiz")}),
    # a compound participle before a title: the name, not the title
    ("The race between Rep. Ben Okoro and Lind-backed state Sen. Ana Ruiz remains too close to call.",
     {("Lind", "endorses", "Ana Ruiz")}),
    ("Ana Ruiz traveled to Eastport on Monday to endorse Ben Okoro for mayor.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    # "or" joins another clause (or a choice), not one more endorser
    ("Ana Ruiz scoring the support of the Harbor Union or Ben Okoro seizing the backing of the Dock Guild won wide "
     "coverage in the mayoral race.", {("Harbor Union", "endorses", "Ana Ruiz")}),
    # "both" as the endorser: the two people named just before
    ("Socialist candidate Ana Ruiz received 2% and conservative candidate Bea Lind clocked up 5%. "
     "Both have told their voters to vote for Carl Okoro in the second round.",
     {("Ana Ruiz", "endorses", "Carl Okoro"), ("Bea Lind", "endorses", "Carl Okoro")}),
    # a party named on the way is not a third person
    ("Harbor Party candidate Ana Ruiz received 2%, while conservative candidate Bea Lind clocked up 5%. "
     "Both urged their supporters to vote for Carl Okoro in the second round.",
     {("Ana Ruiz", "endorses", "Carl Okoro"), ("Bea Lind", "endorses", "Carl Okoro")}),
    # the candidate a relative clause with no object describes
    ("Governor Carl Lind endorsed four hopefuls in Utah, and the one candidate he endorsed late in the race, "
     "Republican Sam Brown, won the Senate primary.", {("Carl Lind", "endorses", "Sam Brown")}),
    # compound participles on a description of the candidate
    ("Ruiz-backed candidate Ben Okoro won the primary on Tuesday.", {("Ruiz", "endorses", "Ben Okoro")}),
    ("Ben Okoro, the Ruiz-endorsed candidate, won the primary on Tuesday.", {("Ruiz", "endorses", "Ben Okoro")}),
    # lists the parser gets half wrong
    ("Ben Okoro secured endorsements from Ana Ruiz and Carl Lind ahead of the primary.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro")}),
    ("Okoro has received endorsements from Mayor Ana Ruiz and Senators Carl Lind and Dora Vance in the primary.",
     {("Ana Ruiz", "endorses", "Okoro"), ("Carl Lind", "endorses", "Okoro"), ("Dora Vance", "endorses", "Okoro")}),
    # "the X party" is X, "the X editorial board" is X
    ("Ben Okoro, backed by the opposition Civic Renewal (CR) party, won a third of the vote in the presidential race.",
     {("Civic Renewal", "endorses", "Ben Okoro")}),
    ("The Westland Herald editorial board endorsed Ben Okoro for governor.",
     {("Westland Herald", "endorses", "Ben Okoro")}),
    # the endorsement as a thing that happened to the candidate
    ("Okoro's endorsement by the Harbor Teachers Union came on Monday, a week before the primary.",
     {("Harbor Teachers Union", "endorses", "Okoro")}),
    ("The nod from Ana Ruiz gives Ben Okoro a boost in the mayoral race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ben Okoro touted endorsements from Ana Ruiz and the Harbor Teachers Union in the mayoral race.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Harbor Teachers Union", "endorses", "Ben Okoro")}),
    ("Ana Ruiz gave Ben Okoro her blessing in the mayoral race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz called on her supporters to back Ben Okoro in the runoff.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Endorsing Ben Okoro in the mayoral race, Ana Ruiz called him a proven leader.",
     {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Carla Diaz has been endorsed by the state's largest police union and by U.S. Rep. Sam Watts in the primary.",
     {("Sam Watts", "endorses", "Carla Diaz")}),
    ("The Workers' Party of Verdania, which did not field a candidate, said it was supporting Diego Paz in the runoff.",
     {("Workers' Party of Verdania", "endorses", "Diego Paz")}),
    ("The Left Patriotic Front endorsed Meera Pillai in the mayoral race.",
     {("Left Patriotic Front", "endorses", "Meera Pillai")}),
    ("Councillor Arjun Das, who had earlier backed Meera Pillai, switched sides and endorsed Ravi Menon in the race.",
     {("Arjun Das", "endorses", "Meera Pillai"), ("Arjun Das", "endorses", "Ravi Menon")}),
    ("Backed by Ana Ruiz, Ben Okoro won the primary.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("The Harbor Teachers Union met on Monday. The union's executive board voted to endorse Ben Okoro in the primary.",
     {("Harbor Teachers Union", "endorses", "Ben Okoro")}),
    ("\"I'm proud to endorse Ben Okoro for governor,\" Ana Ruiz said.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz endorsed Ben Okoro in the primary, as did Carl Lind.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro")}),
    ("Her view matches that of the Valley Times and the Harbor Post, both of which endorsed Ben Okoro in the mayoral race.",
     {("Valley Times", "endorses", "Ben Okoro"), ("Harbor Post", "endorses", "Ben Okoro")}),
    # every member of a list, however the parser hangs it
    ("Ana Ruiz has also received endorsements from the Harbor Nurses Association, the Dock Workers Guild, "
     "the Bus Drivers Alliance and the Eastport Chamber of Commerce in the mayoral race.",
     {("Harbor Nurses Association", "endorses", "Ana Ruiz"), ("Dock Workers Guild", "endorses", "Ana Ruiz"),
      ("Bus Drivers Alliance", "endorses", "Ana Ruiz"), ("Eastport Chamber of Commerce", "endorses", "Ana Ruiz")}),
    ("Ben Okoro already had the backing of the Harbor Nurses Association as well as the Eastport Democratic Party "
     "in the primary.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro"), ("Eastport Democratic Party", "endorses", "Ben Okoro")}),
    ("Ana Ruiz won the backing of several groups in the mayoral race — the Harbor Nurses Association, the Dock "
     "Workers Guild and the Eastport Chamber of Commerce.",
     {("Harbor Nurses Association", "endorses", "Ana Ruiz"), ("Dock Workers Guild", "endorses", "Ana Ruiz"),
      ("Eastport Chamber of Commerce", "endorses", "Ana Ruiz")}),
    ("Three council members who endorsed Ben Okoro for mayor — Ana Ruiz, Carl Lind and Dora Vance — are also on "
     "the ballot.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro"), ("Dora Vance", "endorses", "Ben Okoro")}),
    ("Last week four groups, the Harbor Nurses Forum, the Valley Elders Forum, the Dock Workers Guild and the "
     "Farmers Union, at a meeting held at the Grand Hotel, Eastport, also endorsed Ben Okoro for governor.",
     {("Harbor Nurses Forum", "endorses", "Ben Okoro"), ("Valley Elders Forum", "endorses", "Ben Okoro"),
      ("Dock Workers Guild", "endorses", "Ben Okoro"), ("Farmers Union", "endorses", "Ben Okoro")}),
    # one endorser, many candidates
    ("The Harbor Nurses Association endorsed Ana Ruiz for mayor, Carl Lind for council and Dora Vance for city clerk.",
     {("Harbor Nurses Association", "endorses", "Ana Ruiz"), ("Harbor Nurses Association", "endorses", "Carl Lind"),
      ("Harbor Nurses Association", "endorses", "Dora Vance")}),
    ("Mayor Ben Okoro is running for reelection. The candidates with the mayor's backing in the council races were: "
     "Ana Ruiz, Carl Lind and Dora Vance.",
     {("Ben Okoro", "endorses", "Ana Ruiz"), ("Ben Okoro", "endorses", "Carl Lind"), ("Ben Okoro", "endorses", "Dora Vance")}),
    ("The Harbor Nurses Association's endorsed candidates in the council race are Ana Ruiz, Carl Lind and Dora Vance.",
     {("Harbor Nurses Association", "endorses", "Ana Ruiz"), ("Harbor Nurses Association", "endorses", "Carl Lind"),
      ("Harbor Nurses Association", "endorses", "Dora Vance")}),
    ("The Harbor Nurses Association's endorsed candidate Ben Okoro won the council primary.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro")}),
    # backing as a circumstance of the candidate's act; an appeal to re-elect
    ("With the backing of Mayor Ana Ruiz, Ben Okoro entered the mayoral race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Mayor Ana Ruiz urged voters to re-elect Ben Okoro in the council race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    # "weighed in by endorsing": the means of an act that happened
    ("The Harbor Nurses Association weighed in last week by endorsing Ben Okoro in the mayoral race.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro")}),
    # a list that a light verb's subject heads; the title of another office is not "the mayor"
    ("Ana Ruiz, Carl Lind, Dora Vance, and Eli Moss also announced Tuesday their support for Ben Okoro in the "
     "mayoral primary.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro"), ("Dora Vance", "endorses", "Ben Okoro"),
      ("Eli Moss", "endorses", "Ben Okoro")}),
    ("Mayor Ana Ruiz backed three council candidates. \"We know them well,\" said Deputy Mayor Carl Lind. "
     "The candidates who got the mayor's support were: Dora Vance, District 1; Eli Moss, District 2; and Ben Okoro, "
     "District 3.",
     {("Ana Ruiz", "endorses", "Dora Vance"), ("Ana Ruiz", "endorses", "Eli Moss"), ("Ana Ruiz", "endorses", "Ben Okoro")}),
    # the candidate named in the contest's phrase
    ("The Valley Courier endorsed Ben Okoro in the runoff. It followed the paper's earlier endorsement in the spring "
     "primary of Ana Ruiz, who finished third.",
     {("Valley Courier", "endorses", "Ben Okoro"), ("Valley Courier", "endorses", "Ana Ruiz")}),
    # a plural endorser the text names elsewhere: in apposition, after "including" or "among them",
    # after a colon, in the next sentence; "a list of officials, including A and B"
    ("Ben Okoro picked up endorsements from two unions, the Harbor Nurses Association and the Dock Workers Guild, "
     "in the mayoral race.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro"), ("Dock Workers Guild", "endorses", "Ben Okoro")}),
    ("The endorsement of Ben Okoro by several groups, among them the Harbor Nurses Association and the Dock Workers "
     "Guild, came on Monday before the primary.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro"), ("Dock Workers Guild", "endorses", "Ben Okoro")}),
    ("Ben Okoro's endorsements from several Democratic members of the council, including Ana Ruiz and Carl Lind, "
     "came before the primary.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro")}),
    ("Ben Okoro has received the following endorsements in the mayoral race: Ana Ruiz, Carl Lind and the Harbor "
     "Nurses Association.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro"),
      ("Harbor Nurses Association", "endorses", "Ben Okoro")}),
    ("Two unions endorsed Ben Okoro for mayor on Monday. The unions, the Harbor Nurses Association and the Dock "
     "Workers Guild, represent 9,000 workers.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro"), ("Dock Workers Guild", "endorses", "Ben Okoro")}),
    ("Ben Okoro has been endorsed by a long list of officials, including Mayor Ana Ruiz and Senator Carl Lind, in "
     "the governor's race.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro")}),
    ("Ben Okoro announced endorsements from three unions: the Harbor Nurses Association, the Dock Workers Guild and "
     "the Bus Drivers Alliance.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro"), ("Dock Workers Guild", "endorses", "Ben Okoro"),
      ("Bus Drivers Alliance", "endorses", "Ben Okoro")}),
    ("Ben Okoro's endorsement from the Harbor Nurses Association came before the mayoral primary.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro")}),
    # endorsers named by the noun for them
    ("Ben Okoro is running for mayor. His endorsers include Senator Ana Ruiz and the Harbor Nurses Association.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Harbor Nurses Association", "endorses", "Ben Okoro")}),
    ("Among Ben Okoro's endorsers in the mayoral race are Senator Ana Ruiz and Mayor Carl Lind.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro")}),
    # "announced the endorsement": of the one the sentence before told; a newspaper recommends
    ("The state's largest union is endorsing Ben Okoro for governor. The Harbor Nurses Association announced the "
     "endorsement on Monday in Eastport.",
     {("Harbor Nurses Association", "endorses", "Ben Okoro")}),
    ("The Valley Courier recommends Ben Okoro for mayor.", {("Valley Courier", "endorses", "Ben Okoro")}),
    # names the parser hung apart from their list or description
    ("Ben Okoro secured the support of third-placed candidate, leftist Ana Ruiz, in the presidential runoff.",
     {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Carl Lind, the governor of Eastland, endorsed Ben Okoro along with the outgoing governor, Dora Vance, and "
     "Westland's Eli Moss, who won his re-election bid.",
     {("Carl Lind", "endorses", "Ben Okoro"), ("Dora Vance", "endorses", "Ben Okoro"), ("Eli Moss", "endorses", "Ben Okoro")}),
    # a habit is no act; an announcement told in the past keeps its "will"; a description's "who"
    ("The Harbor Union, which traditionally backs Democrats, is supporting Ben Okoro in the governor's race.",
     {("Harbor Union", "endorses", "Ben Okoro")}),
    ("Ana Ruiz announced Monday that she would back Ben Okoro in the runoff.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ana Ruiz, a Republican who endorsed Ben Okoro in the primary, spoke on Monday.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    # "Ruiz previously endorsed Okoro", parsed as a name taking an object
    ("Trump previously endorsed Okafor when he ran against sitting Rep. Ana Ruiz in 2022.",
     {("Trump", "endorses", "Okafor")}),
    # the endorsement as what the candidate is grateful for; a date between the noun and its phrase
    ("Ben Okoro said he was very honored by Ana Ruiz's endorsement in the mayoral race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ben Okoro thanked Ana Ruiz for her endorsement in the mayoral race.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ben Okoro picked up the endorsement Monday of the Harbor Union in the mayoral race.",
     {("Harbor Union", "endorses", "Ben Okoro")}),
    ("Ben Okoro has received endorsements from Mayor Ana Ruiz; Senator Carl Lind; and the Harbor Union in the primary.",
     {("Ana Ruiz", "endorses", "Ben Okoro"), ("Carl Lind", "endorses", "Ben Okoro"), ("Harbor Union", "endorses", "Ben Okoro")}),
    # "a group known as X" is X
    ("A group known as Citizens Renewal Forum endorsed Ben Okoro as its presidential candidate.",
     {("Citizens Renewal Forum", "endorses", "Ben Okoro")}),
    # the one endorsed, named by the noun for them (kg:patientNoun "endorsee")
    ("Ana Ruiz's other endorsee, Ben Okoro, trailed in the primary.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
    ("Ben Okoro, an endorsee of Ana Ruiz, trailed in the primary.", {("Ana Ruiz", "endorses", "Ben Okoro")}),
]


@pytest.mark.parametrize("text,expected", ASSERTED, ids=[t for t, _ in ASSERTED])
def test_asserted(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


NOT_ASSERTED = [
    # support outside any race is not an endorsement
    "The Eastport Teachers Union is supporting Nadia Ferro in her lawsuit against the city.",
    # support "for the president" is for a person, not for an office; two sentences away is another topic
    "Nadia Ferro and Ivo Marek will meet in a runoff. Ferro thanked her staff. "
    "In a letter, Marek pledged support for the president.",
    # siding with someone outside a race is not an endorsement
    "Ana Ruiz sided with Ben Okoro in the zoning dispute.",
    # denied, supposed, expected and withdrawn backing is no fact
    "Ana Ruiz did not side with Ben Okoro in the primary.",
    "Ana Ruiz is expected to throw her weight behind Ben Okoro in the runoff.",
    "Ana Ruiz is considering endorsing Ben Okoro's bid for governor.",
    "Ana Ruiz withdrew her support for Ben Okoro's campaign for governor.",
    "The Harbor Teachers Union denied that it had rallied behind Ben Okoro in the primary.",
    "Ana Ruiz said she would vote for Ben Okoro in the runoff.",
    "If Ben Okoro wins the primary, Ana Ruiz will campaign for him.",
    "Ana Ruiz urged Carl Lind to endorse Ben Okoro in the runoff.",
    "Ana Ruiz is set to endorse Ben Okoro in the runoff.",
    "Ana Ruiz stayed neutral in the runoff between Ben Okoro and Carl Lind.",
    "The Harbor Teachers Union's blessing could give Ben Okoro a boost in the mayoral race.",
    "Ana Ruiz would be happy to endorse Ben Okoro in the primary.",
    "Ana Ruiz is reluctant to endorse Ben Okoro in the primary.",
    "Ana Ruiz is sure to endorse Ben Okoro in the primary.",
    "Ana Ruiz was not quick to endorse Ben Okoro in the primary.",
    # siding with someone on an issue is agreement, not backing; support for a plan is not for its author
    "Ben Okoro sided with Ana Ruiz on the tax plan during the debate in the governor's race.",
    "In the runoff debate, Ben Okoro rallied behind Ana Ruiz's plan to cut taxes.",
    # support lost is support withdrawn; a guess at an endorsement is no fact
    "Ben Okoro lost the support of the Harbor Nurses Association in the mayoral race.",
    "Mayor Ana Ruiz appeared to have endorsed Ben Okoro in the mayoral race.",
    # taken back, or only said to follow a condition
    "Ana Ruiz's endorsement of Ben Okoro was rescinded after the scandal in the mayoral race.",
    "Ana Ruiz said that she would back Ben Okoro in the runoff if he dropped the tax plan.",
    # an endorsement taken back is no fact of the passage, wherever else it is told
    "Senator Ana Ruiz retracted her endorsement of Ben Okoro in the House race on Friday. Ruiz had endorsed "
    "Okoro the day before. Okoro thanked Ruiz for her support.",
    # a party's voters at large are no endorser
    "Ben Okoro won the Democrats' nod and will face Republican Ana Ruiz in the fall.",
    # the body a seat belongs to is not "the union" of a later sentence
    "The union withdrew its endorsement of Ben Okoro in the Senate primary. Okoro had won the union's endorsement last year.",
    # "he" in a relative clause on "the candidate" is not the candidate
    "The candidate he endorsed, Sam Brown, won the Senate primary.",
    # a purpose told as a possibility is not yet an act
    "Ana Ruiz could travel to Eastport next week to back Ben Okoro in the mayoral race.",
    # "the organization" is not the station an interview was on, nor the "of" of a title
    "\"We are worried,\" said Ana Ruiz, in a live interview on KTVA's morning show. "
    "The organization announced its endorsement of Ben Okoro for governor.",
    "The union's Director of Operations talked to reporters on Monday. "
    "The organization announced its endorsement of Ben Okoro for governor.",
    # hedges: not ruled out, open to
    "Ana Ruiz has not ruled out endorsing Ben Okoro in the runoff.",
    "Ana Ruiz said she was open to backing Ben Okoro in the runoff.",
    # endorsements sought are not had
    "Ana Ruiz sought a slew of endorsements in the mayoral race, including from Mayor Carl Lind.",
    # a list of candidates on the ballot is no list of endorsements
    "Candidates on the ballot in Eastport include Nadia Ferro for mayor and Tom Brandt for council.",
    "The Harbor Union held a forum on Monday. Candidates who spoke include Nadia Ferro and Tom Brandt.",
    # a recommendation outside a race is support, not an endorsement
    "The committee recommends Ben Okoro's plan for the harbor.",
]


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_not_asserted(extract, text):
    assert plain(extract(text), {"endorses"}) == set()


def test_a_bracketed_acronym_names_the_organisation_before_it(extract):
    text = ("The Free Farmers Movement (OZV) will hold its congress in May. "
            "On Monday the OZV endorsed Ana Ruiz in the presidential race.")
    entities = {e.label: e for e in extract(text).entities}
    assert "OZV" in entities["Free Farmers Movement"].aliases
    assert plain(extract(text), {"endorses"}) == {("Free Farmers Movement", "endorses", "Ana Ruiz")}


def test_a_claim_of_the_candidates_side_that_the_text_leaves_open_is_only_reported(extract):
    """"The Okoro campaign touted Ruiz's endorsement" stands when nothing contradicts it; where the
    text says Ruiz will not say whether she endorsed Okoro, it is the campaign's claim."""
    touted = "The Okoro campaign released a statement touting Ana Ruiz's endorsement in the council race."
    assert plain(extract("Ben Okoro is running for council. " + touted), {"endorses"}) == {("Ana Ruiz", "endorses", "Ben Okoro")}
    text = ("Ana Ruiz will not say whether she has endorsed Ben Okoro, a council candidate. " + touted
            + " Her office would not comment on whether Ruiz has endorsed Okoro.")
    extraction = extract(text)
    assert plain(extraction, {"endorses"}) == set()
    claimed = [f for f in extraction.facts if f.relation == "endorses" and f.evidence.polarity == "reported"]
    assert [(f.subject.label, f.object.label, f.evidence.speaker.label) for f in claimed] == [("Ana Ruiz", "Ben Okoro", "Ben Okoro")]


def test_a_list_of_endorsed_candidates_after_an_opening_sentence(extract):
    """"A list of those endorsed by X is below." then verbless lines: every person on them;
    headings of no person are passed over; the list ends at the next sentence with a verb."""
    text = ("The Harbor Federation of Labor met on Wednesday night.\n\n"
            "A list of those endorsed in Eastport and nearby towns by the Harbor Federation of Labor is below. "
            "More endorsements may follow in September, the group said.\n\n"
            "Eastport City Council\n\nWard 3: Mansfield Okoro\n\nWard 6: Delia Marsh\n\n"
            "Westport Municipal Judge\n\nPetra Lindqvist\n\n"
            "The federation also discussed its budget with Carl Brandt.")
    assert plain(extract(text), {"endorses"}) == {
        ("Harbor Federation of Labor", "endorses", name) for name in ("Mansfield Okoro", "Delia Marsh", "Petra Lindqvist")}


def test_no_list_of_endorsements_where_none_was_made(extract):
    for text in ("The Harbor Federation of Labor declined to endorse anyone. The candidates on the ballot are below.\n\n"
                 "Ward 3: Mansfield Okoro\n\nWard 6: Delia Marsh",
                 "The Harbor Federation of Labor will endorse candidates in September. The candidates are:\n\n"
                 "Ward 3: Mansfield Okoro\n\nWard 6: Delia Marsh",
                 "The Harbor Federation of Labor endorsed Ana Ruiz for mayor, saying:\n\n"
                 "Ward 3: Mansfield Okoro\n\nWard 6: Delia Marsh"):
        assert plain(extract(text), {"endorses"}) <= {("Harbor Federation of Labor", "endorses", "Ana Ruiz")}
