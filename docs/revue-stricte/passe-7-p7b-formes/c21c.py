CASES = {
 'repondre-a-un-courriel-4d': {'ok': ['3 (vous, Tom et Sami)', 'trois : moi, Tom et Sami', '3 avec moi', '3, moi compris'], 'ko': ['2 (Tom et Sami)']},
 'messagerie-instantanee-2a': {'ok': ['treize personnes', 'treize', '13 (14 moins moi)'], 'ko': []},
 'repondre-a-un-courriel-1c': {'ok': ['Re :', 'RE (réponse)', 'R E'], 'ko': ['TR :', 'Fwd:']},
 'ecrire-a-un-organisme-2c': {'ok': ["numéro d'allocataire (sur les courriers)", "allocataire, il est sur tous les courriers", "N° allocataire"], 'ko': []},
 'appels-telephoniques-2b': {'ok': ['sur « Muet »', 'le bouton Muet, avec le micro barré', 'mettre le micro en muet'], 'ko': ['Raccrocher']},
 'courriel-pieces-jointes-1b': {'ok': ['un trombone (attache)', 'trombone, comme pour attacher des feuilles'], 'ko': ['une agrafe']},
 'releve-de-compte-3a': {'ok': ['345 € de solde', 'il lui reste 345 €', '345 euros maintenant'], 'ko': ['225', '595']},
 'pourcentages-prix-4c': {'ok': ['60,50 € après les deux hausses', 'soixante euros cinquante', '60 euros 50'], 'ko': ['60 € 5', '70', '60,00']},
 'tableur-formules-3a': {'ok': ['=SOMME(B2:B6) en B7'], 'ko': ['=SOMME(B2:B6) ou =B2+B3']},
}
