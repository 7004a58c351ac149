/**
 * The built-in letter templates (Finnish and Swedish) and how a template is filled. Counties replace the
 * text in settings; placeholders are `{{name}}` from LETTER_PLACEHOLDERS. A line whose placeholders are all
 * empty is left out, so "Services: {{services}}" disappears from a letter that guided to none.
 */
import type { LetterKind, LetterLanguage } from '../../shared/guidanceContract';

const RECEIPT_NOTICE_FI = `{{county}}
Lapsiperheiden sosiaalipalvelut, asiakasohjaus
{{today}}

{{recipient}}

# Ilmoitus vastaanotetusta asiasta

Olemme vastaanottaneet {{receivedDate}} lastanne {{child}} ({{childBirthDate}}) koskevan ilmoituksen tai yhteydenoton.

Sosiaalityöntekijä arvioi heti, tarvitaanko kiireellisiä toimia. Viimeistään {{startDue}} (seitsemän arkipäivän kuluessa, lastensuojelulaki 26 §) sosiaalityöntekijä ratkaisee, aloitetaanko palvelutarpeen arviointi, ohjataanko teidät muihin palveluihin vai eikö asia anna aihetta toimenpiteisiin. Teihin otetaan yhteyttä ennen ratkaisua.

Voitte olla yhteydessä asiakasohjaukseen arkisin kello 8.30-15.00.

Ystävällisin terveisin
{{worker}}`;

const RECEIPT_NOTICE_SV = `{{county}}
Socialtjänster för barnfamiljer, klientstyrning
{{today}}

{{recipient}}

# Meddelande om mottaget ärende

Vi har {{receivedDate}} tagit emot en anmälan eller kontakt som gäller ert barn {{child}} ({{childBirthDate}}).

En socialarbetare bedömer genast om det behövs brådskande åtgärder. Senast {{startDue}} (inom sju vardagar, barnskyddslagen 26 §) avgör socialarbetaren om en bedömning av servicebehovet inleds, om ni hänvisas till andra tjänster eller om ärendet inte föranleder åtgärder. Vi kontaktar er innan ärendet avgörs.

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

Närmare upplysningar ger undertecknad.

Med vänlig hälsning
{{worker}}`;

export const DEFAULT_TEMPLATES: Record<LetterKind, Record<LetterLanguage, string>> = {
  RECEIPT_NOTICE: { fi: RECEIPT_NOTICE_FI, sv: RECEIPT_NOTICE_SV },
  DECISION: { fi: DECISION_FI, sv: DECISION_SV },
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
