/**
 * The built-in letter templates (Finnish and Swedish) and how a template is filled. Counties replace the
 * text in settings; placeholders are `{{name}}` from LETTER_PLACEHOLDERS. A line whose placeholders are all
 * empty is left out, so "Services: {{services}}" disappears from a letter that guided to none.
 */
import type { LetterKind, LetterLanguage } from '../../../shared/contract/letters';

const RECEIPT_NOTICE_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, asiakasohjaus
{{today}}

{{recipient}}

# Ilmoitus vastaanotetusta asiasta

Olemme vastaanottaneet {{receivedDate}} lastanne {{child}} ({{childBirthDate}}) koskevan ilmoituksen tai yhteydenoton.

Sosiaalityöntekijä arvioi heti, tarvitaanko kiireellisiä toimia. Viimeistään {{startDue}} (seitsemän arkipäivän kuluessa, {{statute}}) sosiaalityöntekijä ratkaisee, aloitetaanko palvelutarpeen arviointi, ohjataanko teidät muihin palveluihin vai eikö asia anna aihetta toimenpiteisiin. Teihin otetaan yhteyttä ennen ratkaisua.

Voitte olla yhteydessä asiakasohjaukseen arkisin kello 8.30-15.00.

Ystävällisin terveisin
{{worker}}`;

const RECEIPT_NOTICE_SV = `{{county}}
Socialtjänster för barnfamiljer, klientstyrning
{{today}}

{{recipient}}

# Meddelande om mottaget ärende

Vi har {{receivedDate}} tagit emot en anmälan eller kontakt som gäller ert barn {{child}} ({{childBirthDate}}).

En socialarbetare bedömer genast om det behövs brådskande åtgärder. Senast {{startDue}} (inom sju vardagar, {{statute}}) avgör socialarbetaren om en bedömning av servicebehovet inleds, om ni hänvisas till andra tjänster eller om ärendet inte föranleder åtgärder. Vi kontaktar er innan ärendet avgörs.

Ni kan kontakta klientstyrningen vardagar kl. 8.30-15.00.

Med vänlig hälsning
{{worker}}`;

const DECISION_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, asiakasohjaus
{{today}}

{{recipient}}

# Ratkaisu lastanne koskevassa asiassa

Lastanne {{child}} ({{childBirthDate}}) koskevassa, {{receivedDate}} vireille tulleessa asiassa sosiaalityöntekijä on {{decisionDate}} tehnyt ratkaisun: {{decision}}.

Perustelut: {{decisionReason}}

Palvelut, joihin teidät on ohjattu: {{services}}

Palvelutarpeen arvioinnin tekee: {{team}}

{{urgentNote}}

Lisätietoja antaa allekirjoittanut.

Ystävällisin terveisin
{{worker}}`;

const DECISION_SV = `{{county}}
Socialtjänster för barnfamiljer, klientstyrning
{{today}}

{{recipient}}

# Avgörande i ärendet som gäller ert barn

I ärendet som gäller ert barn {{child}} ({{childBirthDate}}) och som inleddes {{receivedDate}} har socialarbetaren {{decisionDate}} fattat följande avgörande: {{decision}}.

Motivering: {{decisionReason}}

Tjänster som ni hänvisats till: {{services}}

Bedömningen av servicebehovet görs av: {{team}}

{{urgentNote}}

Närmare upplysningar ger undertecknad.

Med vänlig hälsning
{{worker}}`;

/** The notice to a child of 12 or more (LsL 20 §: the child's view is heard), in words a child understands. */
const CHILD_NOTICE_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, asiakasohjaus
{{today}}

Hei {{recipient}},

# Sinusta on otettu yhteyttä sosiaalityöhön

Saimme {{receivedDate}} viestin, jossa joku oli huolissaan sinusta tai perheestäsi. Me sosiaalityössä selvitämme, tarvitsetko sinä tai perheesi apua tai tukea.

Sosiaalityöntekijä ottaa yhteyttä sinuun ja huoltajiisi viimeistään {{startDue}}. Saat kertoa oman mielipiteesi, ja sitä kuunnellaan. Voit myös itse soittaa tai tulla juttelemaan arkisin kello 8.30-15.00.

Terveisin
{{worker}}`;

const CHILD_NOTICE_SV = `{{county}}
Socialtjänster för barnfamiljer, klientstyrning
{{today}}

Hej {{recipient}},

# Någon har kontaktat socialarbetet om dig

Vi fick {{receivedDate}} ett meddelande där någon var orolig för dig eller din familj. Vi inom socialarbetet tar reda på om du eller din familj behöver hjälp eller stöd.

En socialarbetare kontaktar dig och dina vårdnadshavare senast {{startDue}}. Du får säga vad du själv tycker, och vi lyssnar på dig. Du kan också själv ringa eller komma och prata vardagar kl. 8.30-15.00.

Hälsningar
{{worker}}`;

/** The assessment's summary (yhteenveto) as given to the family (issue 22 item 4). */
const SUMMARY_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, {{team}}
{{today}}

{{recipient}}

# Palvelutarpeen arvioinnin yhteenveto

Lapsen {{child}} ({{childBirthDate}}) palvelutarpeen arviointi.

## Lapsen ja perheen tilanne
{{situation}}

## Lapsen oma näkemys
{{childView}}

## Tuen tarve
{{supportNeed}}

## Sovitut palvelut
{{servicesAgreed}}

{{childWelfareConclusion}}

Voitte antaa yhteenvedosta palautetta tai pyytää siihen korjausta allekirjoittaneelta.

Ystävällisin terveisin
{{worker}}`;

const SUMMARY_SV = `{{county}}
Socialtjänster för barnfamiljer, {{team}}
{{today}}

{{recipient}}

# Sammanfattning av bedömningen av servicebehovet

Bedömning av servicebehovet för barnet {{child}} ({{childBirthDate}}).

## Barnets och familjens situation
{{situation}}

## Barnets egen syn
{{childView}}

## Behovet av stöd
{{supportNeed}}

## Överenskomna tjänster
{{servicesAgreed}}

{{childWelfareConclusion}}

Ni kan ge respons på sammanfattningen eller be om rättelse av undertecknad.

Med vänlig hälsning
{{worker}}`;

/** The notice that child welfare support started and with it the client relationship (LsL 27 §, issue 22 item 5). */
const SUPPORT_NOTICE_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, {{team}}
{{today}}

{{recipient}}

# Ilmoitus lastensuojelun asiakkuuden alkamisesta

Lapsellenne {{child}} ({{childBirthDate}}) on palvelutarpeen arvioinnin aikana aloitettu lastensuojelun tukitoimia: {{supports}}.

Kun lastensuojelun tukitoimet alkavat, lapsesta tulee lastensuojelun asiakas (lastensuojelulaki 27 §). Asiakkuus on alkanut {{clientSince}}. Palvelutarpeen arviointi jatkuu, ja se valmistuu viimeistään {{completeDue}}.

Lisätietoja antaa allekirjoittanut.

Ystävällisin terveisin
{{worker}}`;

const SUPPORT_NOTICE_SV = `{{county}}
Socialtjänster för barnfamiljer, {{team}}
{{today}}

{{recipient}}

# Meddelande om att klientrelationen inom barnskyddet har inletts

För ert barn {{child}} ({{childBirthDate}}) har under bedömningen av servicebehovet inletts stödåtgärder inom barnskyddet: {{supports}}.

När stödåtgärder inom barnskyddet inleds blir barnet klient inom barnskyddet (barnskyddslagen 27 §). Klientrelationen inleddes {{clientSince}}. Bedömningen av servicebehovet fortsätter och blir klar senast {{completeDue}}.

Närmare upplysningar ger undertecknad.

Med vänlig hälsning
{{worker}}`;

/** The request for anonymous customer feedback (issue 22 item 7): the team's code, never the family's. */
const FEEDBACK_REQUEST_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, {{team}}
{{today}}

{{recipient}}

# Kerro meille, miten palvelutarpeen arviointi onnistui

Kiitos yhteistyöstä lapsenne {{child}} palvelutarpeen arvioinnissa. Toivomme, että kerrotte, miten arviointi teidän mielestänne onnistui. Vastaaminen on vapaaehtoista, eikä vastauksia yhdistetä teihin.

Vastaa kolmeen kysymykseen asteikolla 1 (ei lainkaan) - 5 (täysin):
1. Arvioinnista oli meille apua.
2. Meitä kuultiin, ja lapsen mielipide otettiin huomioon.
3. Saimme selkeää tietoa siitä, mitä tapahtuu.

Palauta vastaukset tällä lomakkeella, puhelimitse tai viestillä asiakasohjaukseen ja mainitse palautetunnus {{feedbackCode}}. Tunnus on sama kaikille tiimin asiakkaille.

Ystävällisin terveisin
{{worker}}`;

const FEEDBACK_REQUEST_SV = `{{county}}
Socialtjänster för barnfamiljer, {{team}}
{{today}}

{{recipient}}

# Berätta för oss hur bedömningen av servicebehovet lyckades

Tack för samarbetet i bedömningen av servicebehovet för ert barn {{child}}. Vi hoppas att ni berättar hur bedömningen enligt er lyckades. Det är frivilligt att svara, och svaren kopplas inte till er.

Svara på tre frågor på skalan 1 (inte alls) - 5 (helt):
1. Bedömningen var till hjälp för oss.
2. Vi blev hörda, och barnets åsikt beaktades.
3. Vi fick tydlig information om vad som händer.

Returnera svaren med den här blanketten, per telefon eller med ett meddelande till klientstyrningen och nämn responskoden {{feedbackCode}}. Koden är densamma för alla teamets klienter.

Med vänlig hälsning
{{worker}}`;

export const DEFAULT_TEMPLATES: Record<LetterKind, Record<LetterLanguage, string>> = {
  RECEIPT_NOTICE: { fi: RECEIPT_NOTICE_FI, sv: RECEIPT_NOTICE_SV },
  DECISION: { fi: DECISION_FI, sv: DECISION_SV },
  CHILD_NOTICE: { fi: CHILD_NOTICE_FI, sv: CHILD_NOTICE_SV },
  SUMMARY: { fi: SUMMARY_FI, sv: SUMMARY_SV },
  SUPPORT_NOTICE: { fi: SUPPORT_NOTICE_FI, sv: SUPPORT_NOTICE_SV },
  FEEDBACK_REQUEST: { fi: FEEDBACK_REQUEST_FI, sv: FEEDBACK_REQUEST_SV },
};

export function fillTemplate(body: string, values: Record<string, string>): string {
  const placeholder = /\{\{\s*([^}]*?)\s*\}\}/g;
  return body
    .split('\n')
    .filter((line) => {
      const names = [...line.matchAll(placeholder)].map((m) => m[1]!);
      return names.length === 0 || names.some((name) => (values[name] ?? '').trim() !== '');
    })
    .map((line) => line.replace(placeholder, (_, name: string) => values[name] ?? ''))
    .join('\n');
}
